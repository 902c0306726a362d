package org.dpgfed.harvester.harvest;

/** The node began to shut down before the run's commit began; nothing of the run was written. */
final class RunStoppedException extends RuntimeException {
  RunStoppedException() {
    super("shutdown: the node stopped before this run could finish", null, false, false);
  }
}
