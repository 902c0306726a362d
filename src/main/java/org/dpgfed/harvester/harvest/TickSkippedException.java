package org.dpgfed.harvester.harvest;

import java.time.Instant;

/** A scheduled tick another node sharing the store has already served: not a failed run. */
final class TickSkippedException extends RuntimeException {
  TickSkippedException(String sourceId, Instant lastStart) {
    super("source '" + sourceId + "' was harvested at " + lastStart + " by a node sharing the store; tick skipped");
  }
}
