package org.dpgfed.harvester.harvest;

import java.time.Duration;

/** The watchdog stopped a run that was still fetching or reading after {@code harvest.runTimeout}. */
final class RunTimeoutException extends RuntimeException {
  RunTimeoutException(Duration limit) {
    super("stopped: the run was still fetching or reading after " + limit + " (harvest.runTimeout)");
  }
}
