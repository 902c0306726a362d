package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;
import org.dpgfed.harvester.testing.HarvestBench;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No run stays running: past harvest.runTimeout the watchdog fails it, closes its connection, and
 * the source can run again.
 */
class WatchdogTest {
  @TempDir Path dir;

  @Test
  void failsARunStillFetchingAfterTheRunTimeoutAndKeepsTheData() {
    try (HarvestBench bench = HarvestBench.start(dir, Map.of(
        "DPG_HARVEST_FIRST_BYTE_TIMEOUT", "PT5M", // only the watchdog can end the silence below
        "DPG_HARVEST_TOTAL_TIMEOUT", "PT5M",
        "DPG_HARVEST_RUN_TIMEOUT", "PT2S"))) {
      JsonObject stopped = bench.breaking().failWith(HarvestBench.good(), Answer.silence());
      assertTrue(stopped.getString("error").contains("harvest.runTimeout") && stopped.getString("error").contains("PT2S"),
          stopped.encode());
      TestNode.await(bench.registry().heldConnectionClosed()); // the fetch under way was given up, not left open

      bench.registry().serve("/broken-1", HarvestBench.good());
      JsonObject next = bench.node().harvest("broken-1");
      assertEquals("unchanged", next.getString("status"), "the source is free to run again: " + next.encode());
    }
  }
}
