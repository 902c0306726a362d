package org.dpgfed.harvester.registry;

import java.time.Instant;

/**
 * One harvest of one source. Counts are null until the run has them.
 *
 * @param triples statements in the source's graph after the run
 * @param retrieval what the run got from the source's URL, or null before it fetched
 */
public record Run(
    String id, String source, RunStatus status, Instant startedAt, Instant finishedAt,
    Integer records, Long triples, Integer added, Integer removed, Integer invalid, String error,
    Retrieval retrieval) {

  public static Run queued(String id, String source, Instant now) {
    return new Run(id, source, RunStatus.QUEUED, now, null, null, null, null, null, null, null, null);
  }

  public Run running() {
    return new Run(id, source, RunStatus.RUNNING, startedAt, null, null, null, null, null, null, null, null);
  }

  public Run failed(String message, Instant now) {
    return new Run(id, source, RunStatus.FAILED, startedAt, now, records, triples, added, removed, invalid, message,
        retrieval);
  }

  /** The same run, with what it got from the source's URL. */
  public Run retrieved(Retrieval what) {
    return new Run(id, source, status, startedAt, finishedAt, records, triples, added, removed, invalid, error, what);
  }

  public Run finished(RunStatus outcome, int recordCount, long tripleCount, int addedCount, int removedCount,
      int invalidCount, Instant now) {
    return new Run(id, source, outcome, startedAt, now, recordCount, tripleCount, addedCount, removedCount,
        invalidCount, null, retrieval);
  }
}
