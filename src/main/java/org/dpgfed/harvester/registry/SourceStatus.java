package org.dpgfed.harvester.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What operators see of a source's health, derived from its runs.
 *
 * @param lastRun the newest run whatever its state, or null
 * @param lastSuccessAt when the newest succeeded or unchanged run ended, or null
 * @param consecutiveFailures failed runs since the last success
 * @param stale too many failures in a row, or the last success too long ago
 * @param nextRunAt when the scheduler will next run it, or null
 */
public record SourceStatus(Run lastRun, Instant lastSuccessAt, int consecutiveFailures, boolean stale, Instant nextRunAt) {

  /** @param runs newest first */
  public static SourceStatus of(Source source, List<Run> runs, Instant nextRunAt, int staleAfterFailures,
      int staleAfterSchedules, Instant now) {
    Run lastRun = runs.isEmpty() ? null : runs.get(0);
    Instant lastSuccess = runs.stream().filter(r -> r.status() == RunStatus.SUCCEEDED || r.status() == RunStatus.UNCHANGED)
        .map(Run::finishedAt).findFirst().orElse(null);
    int failures = 0;
    for (Run run : runs) {
      if (run.status() == RunStatus.FAILED) {
        failures++;
      } else if (run.status().finished()) {
        break;
      }
    }
    boolean stale = failures >= staleAfterFailures;
    if (source.period().isPresent() && source.enabled()) {
      Duration allowed = source.period().get().multipliedBy(staleAfterSchedules);
      Instant since = lastSuccess != null ? lastSuccess : source.createdAt();
      stale |= since != null && since.plus(allowed).isBefore(now);
    }
    return new SourceStatus(lastRun, lastSuccess, failures, stale, nextRunAt);
  }
}
