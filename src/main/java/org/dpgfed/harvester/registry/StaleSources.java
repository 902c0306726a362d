package org.dpgfed.harvester.registry;

import java.time.Clock;
import java.util.List;

/** Which sources are stale right now, by the rule {@link SourceStatus} defines. */
public final class StaleSources {
  /** A stale source and why. */
  public record Stale(Source source, SourceStatus status) {}

  private final SourceRegistry sources;
  private final RunLog runs;
  private final int afterFailures;
  private final int afterSchedules;
  private final Clock clock;

  public StaleSources(SourceRegistry sources, RunLog runs, int afterFailures, int afterSchedules, Clock clock) {
    this.sources = sources;
    this.runs = runs;
    this.afterFailures = afterFailures;
    this.afterSchedules = afterSchedules;
    this.clock = clock;
  }

  /** Every registered source with its status, in id order. */
  public List<Stale> all() {
    return sources.list().stream()
        .map(s -> new Stale(s, SourceStatus.of(s, runs.runsOf(s.id()), null, afterFailures, afterSchedules, clock.instant())))
        .toList();
  }

  public List<Stale> stale() {
    return all().stream().filter(s -> s.status().stale()).toList();
  }
}
