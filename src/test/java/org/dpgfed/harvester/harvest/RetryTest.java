package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.dpgfed.harvester.testing.BreakingSource;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;
import org.dpgfed.harvester.testing.HarvestBench;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 429 and 5xx are retried, waiting what Retry-After asks; a source failing run after run turns stale. */
class RetryTest {
  @RegisterExtension static HarvestBench bench = HarvestBench.perClass(Map.of(
      "DPG_HARVEST_MAX_ATTEMPTS", "3", "DPG_HARVEST_STALE_AFTER_FAILURES", "2"));
  static Answer good = HarvestBench.good();

  private static Duration gap(String path) {
    List<FakeRegistry.Seen> seen = bench.registry().requests(path);
    return Duration.between(seen.get(0).at(), seen.get(1).at());
  }

  @Test
  void harvestsAfterA429ByWaitingTheSecondsOfRetryAfter() {
    bench.registry().serveInOrder("/busy", Answer.status(429).withHeader("Retry-After", "1"), good);
    JsonObject run = bench.node().awaitRun(TestNode.firstRunId(bench.node().register(BreakingSource.source(bench.registry(), "busy", "/busy"))));
    assertEquals("succeeded", run.getString("status"), run.encode());
    assertEquals(4, run.getInteger("records"));
    assertEquals(2, bench.registry().hits("/busy"));
    assertTrue(gap("/busy").toMillis() >= 1000, "waited Retry-After: " + gap("/busy"));
  }

  @Test
  void harvestsAfterA503ByWaitingUntilTheDateOfRetryAfter() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plusSeconds(3).atZone(ZoneOffset.UTC));
    bench.registry().serveInOrder("/maintenance", Answer.status(503).withHeader("Retry-After", date), good);
    JsonObject run = bench.node().awaitRun(TestNode.firstRunId(bench.node().register(BreakingSource.source(bench.registry(), "maintenance", "/maintenance"))));
    assertEquals("succeeded", run.getString("status"), run.encode());
    assertTrue(gap("/maintenance").toMillis() >= 1000, "waited until the date: " + gap("/maintenance"));
  }

  @Test
  void reportsA429ThatNeverEndsAfterEveryAttempt() {
    JsonObject run = bench.breaking().failWith(good, Answer.status(429));
    assertTrue(run.getString("error").contains("HTTP 429") && run.getString("error").contains("after 3 attempts"), run.encode());
    assertEquals(429, run.getInteger("httpStatus"));
    assertEquals(4, bench.registry().hits(bench.breaking().lastPath()), "one good fetch, then three attempts");
  }

  @Test
  void marksASourceStaleAfterTheSetNumberOfFailedRunsAndKeepsItsData() {
    bench.breaking().failWith(good, Answer.status(500));
    String id = bench.breaking().lastPath().substring(1);
    long triples = bench.node().triples(id);
    assertFalse(bench.node().source(id).getJsonObject("status").getBoolean("stale"), "one failure is not stale yet");

    assertEquals("failed", bench.node().harvest(id).getString("status"));
    JsonObject status = bench.node().source(id).getJsonObject("status");
    assertEquals(2, status.getInteger("consecutiveFailures"));
    assertTrue(status.getBoolean("stale"), status.encode());
    assertEquals(triples, bench.node().triples(id), "a stale source keeps its data");

    bench.registry().serve(bench.breaking().lastPath(), good);
    assertEquals("unchanged", bench.node().harvest(id).getString("status"));
    status = bench.node().source(id).getJsonObject("status");
    assertEquals(0, status.getInteger("consecutiveFailures"));
    assertFalse(status.getBoolean("stale"), "a success ends staleness: " + status.encode());
  }
}
