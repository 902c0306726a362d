package org.dpgfed.harvester.harvest;

/** A run would remove more of a source's records than {@code harvest.maxRemovedShare} allows. */
final class RemovalRefusedException extends RuntimeException {
  RemovalRefusedException(String sourceId, long removed, int before, double maxShare) {
    super("refused: this run would remove " + removed + " of the source's " + before + " records ("
        + Math.round(100.0 * removed / before) + "%), more than harvest.maxRemovedShare allows ("
        + Math.round(100 * maxShare) + "%); nothing was changed. If the source really dropped them, harvest with "
        + "POST /api/sources/" + sourceId + "/harvest?force=true");
  }
}
