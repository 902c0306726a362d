package org.dpgfed.harvester.harvest;

/**
 * The deletion safety valve every run passes before it commits: a run may not remove more than
 * {@code harvest.maxRemovedShare} of a source's records unless it was forced ({@code ?force=true}).
 */
final class RemovalValve {
  private RemovalValve() {}

  /** @throws RemovalRefusedException when {@code removed} of {@code before} records is too many */
  static void check(HarvestContext ctx, String sourceId, boolean forced, long before, long removed) {
    double maxShare = ctx.settings().maxRemovedShare();
    if (!forced && before > 0 && removed > maxShare * before) {
      throw new RemovalRefusedException(sourceId, removed, (int) before, maxShare);
    }
  }
}
