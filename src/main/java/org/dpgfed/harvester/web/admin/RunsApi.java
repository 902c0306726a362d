package org.dpgfed.harvester.web.admin;

import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import org.dpgfed.harvester.harvest.Harvester;
import org.dpgfed.harvester.model.InvalidInputException;
import org.dpgfed.harvester.model.NotFoundException;
import org.dpgfed.harvester.model.Problem;
import org.dpgfed.harvester.registry.Run;
import org.dpgfed.harvester.registry.RunLog;

/**
 * {@code /api/runs}: one run, and the problems found in it. {@code GET /api/runs/{id}?wait=PT30S}
 * holds the answer until the run has finished (at most a minute), so clients need not poll.
 */
public final class RunsApi {
  private static final Duration MAX_WAIT = Duration.ofMinutes(1);

  private final RunLog runs;
  private final Harvester harvester;
  private final WorkerExecutor workers;
  private final String base;

  public RunsApi(RunLog runs, Harvester harvester, WorkerExecutor workers, String base) {
    this.runs = runs;
    this.harvester = harvester;
    this.workers = workers;
    this.base = base;
  }

  public void get(RoutingContext ctx) {
    Run run = require(ctx.pathParam("runId"));
    harvester.awaitFinished(run, waitParameter(ctx))
        .onSuccess(current -> ctx.json(Json.run(current)))
        .onFailure(ctx::fail);
  }

  /** A page of a run's problems, read by their numbers: a run may have found a million. */
  public void report(RoutingContext ctx) {
    Run run = require(ctx.pathParam("runId"));
    Paging paging = Paging.of(ctx);
    int from = paging.after() == null ? 0 : number(paging.after()) + 1;
    workers.executeBlocking(() -> runs.problems(run.id(), from, paging.limit() + 1), false)
        .onSuccess(problems -> ctx.json(paging.page(numbered(from, problems), Numbered::key, Comparator.naturalOrder(),
            n -> Json.problem(n.problem()),
            base + "/api/runs/" + run.id() + "/report")))
        .onFailure(ctx::fail);
  }

  private record Numbered(String key, Problem problem) {}

  private static List<Numbered> numbered(int from, List<Problem> problems) {
    return java.util.stream.IntStream.range(0, problems.size())
        .mapToObj(i -> new Numbered("%09d".formatted(from + i), problems.get(i))).toList();
  }

  private static int number(String key) {
    try {
      int n = Integer.parseInt(key);
      if (n >= 0 && n < Integer.MAX_VALUE) {
        return n;
      }
    } catch (NumberFormatException e) {
      // not one of ours: refused below
    }
    throw org.dpgfed.harvester.model.InvalidInputException.of("after", "is not a cursor this server gave");
  }

  private Run require(String runId) {
    return runs.get(runId).orElseThrow(() -> new NotFoundException("no run '" + runId + "'"));
  }

  private static Duration waitParameter(RoutingContext ctx) {
    String wait = ctx.queryParams().get("wait");
    if (wait == null) {
      return Duration.ZERO;
    }
    try {
      Duration d = Duration.parse(wait);
      if (d.isNegative() || d.compareTo(MAX_WAIT) > 0) {
        throw InvalidInputException.of("wait", "must be an ISO-8601 duration up to PT1M");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of("wait", "must be an ISO-8601 duration up to PT1M, such as PT30S");
    }
  }
}
