package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dpgfed.harvester.testing.BreakingSource;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;
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
  void failsARunStillFetchingAfterTheRunTimeoutAndKeepsTheData() throws Exception {
    Vertx vertx = Vertx.vertx();
    FakeRegistry registry = new FakeRegistry();
    TestNode.await(vertx.deployVerticle(registry));
    Map<String, String> env = TestNode.environment(dir);
    env.put("DPG_HARVEST_FIRST_BYTE_TIMEOUT", "PT5M"); // only the watchdog can end the silence below
    env.put("DPG_HARVEST_TOTAL_TIMEOUT", "PT5M");
    env.put("DPG_HARVEST_RUN_TIMEOUT", "PT2S");
    Answer good = Answer.bytes("application/json", Files.readAllBytes(Path.of("src/test/resources/e2e/registry-v1.json")));
    registry.serve("/bystander", good);
    try (TestNode node = TestNode.start(vertx, null, env)) {
      node.awaitRun(TestNode.firstRunId(node.register(BreakingSource.source(registry, "bystander", "/bystander"))));
      JsonObject stopped = new BreakingSource(node, registry, "bystander").failWith(good, Answer.silence());
      assertTrue(stopped.getString("error").contains("harvest.runTimeout") && stopped.getString("error").contains("PT2S"),
          stopped.encode());
      TestNode.await(registry.heldConnectionClosed()); // the fetch under way was given up, not left open

      registry.serve("/broken-1", good);
      JsonObject next = node.harvest("broken-1");
      assertEquals("unchanged", next.getString("status"), "the source is free to run again: " + next.encode());
    } finally {
      vertx.close();
    }
  }
}
