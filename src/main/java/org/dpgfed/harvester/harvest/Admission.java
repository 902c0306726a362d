package org.dpgfed.harvester.harvest;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.dpgfed.harvester.cluster.SourceClaims;
import org.dpgfed.harvester.model.NotFoundException;
import org.dpgfed.harvester.registry.Run;
import org.dpgfed.harvester.registry.RunLog;
import org.dpgfed.harvester.registry.Source;
import org.dpgfed.harvester.registry.SourceRegistry;

/**
 * What a run needs before it starts: its source's claim and, when nodes share the store, a fresh
 * view of the source and its runs, so that a scheduled tick another node has already served is
 * skipped ({@link TickSkippedException}) rather than run twice.
 */
final class Admission {
  private final SourceClaims claims;
  private final SourceRegistry sources;
  private final RunLog runs;
  private final WorkerExecutor workers;
  private final Clock clock;

  Admission(SourceClaims claims, SourceRegistry sources, RunLog runs, WorkerExecutor workers, Clock clock) {
    this.claims = claims;
    this.sources = sources;
    this.runs = runs;
    this.workers = workers;
    this.clock = clock;
  }

  /** @param scheduled a timer's tick (skipped when served this period), not a request to run now */
  Future<SourceClaims.Claim> admit(String sourceId, boolean scheduled) {
    return claims.claim(sourceId).compose(claim -> {
      if (!claims.shared()) {
        return Future.succeededFuture(claim);
      }
      return workers.executeBlocking(() -> fresh(sourceId, scheduled), false).map(claim)
          .onFailure(err -> claim.release());
    });
  }

  private Void fresh(String sourceId, boolean scheduled) {
    Source source = sources.reload(sourceId).orElseThrow(() -> new NotFoundException("no source '" + sourceId + "'"));
    runs.refresh(sourceId);
    List<Run> history = runs.runsOf(sourceId);
    if (scheduled && !history.isEmpty() && source.period().isPresent()) {
      Instant last = history.get(0).startedAt();
      if (Duration.between(last, clock.instant()).compareTo(source.period().get().dividedBy(2)) < 0) {
        throw new TickSkippedException(sourceId, last);
      }
    }
    return null;
  }
}
