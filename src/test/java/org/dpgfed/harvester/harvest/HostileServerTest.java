package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.dpgfed.harvester.testing.BreakingSource;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;
import org.dpgfed.harvester.testing.HarvestBench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Servers that misbehave on the wire: each fault fails the run with a message naming it, within
 * the limits set, and the source's previous graph stays whole.
 */
class HostileServerTest {
  @RegisterExtension static HarvestBench bench = HarvestBench.perClass(Map.of("DPG_HARVEST_FIRST_BYTE_TIMEOUT", "PT1S",
      "DPG_HARVEST_TOTAL_TIMEOUT", "PT3S", "DPG_HARVEST_MAX_ATTEMPTS", "2"));
  static Answer good = HarvestBench.good();

  private static Duration took(JsonObject run) {
    return Duration.between(java.time.Instant.parse(run.getString("startedAt")), java.time.Instant.parse(run.getString("finishedAt")));
  }

  @Test
  void endsABodyThatDripsForeverAtTheTotalTimeout() {
    JsonObject run = bench.breaking().failWith(good, Answer.drip());
    String error = run.getString("error");
    assertTrue(error.contains("no complete answer within PT3S (harvest.totalTimeout)"), error);
    assertEquals(1, bench.registry().hits(bench.breaking().lastPath()) - 1, "a total timeout is not retried");
    assertTrue(took(run).compareTo(Duration.ofSeconds(3)) >= 0, "the drip kept the run going until the limit: " + took(run));
  }

  @Test
  void reportsABodyCutShort() {
    String error = bench.breaking().failWith(good, good.truncated()).getString("error");
    assertTrue(error.contains("was cut short") && error.contains(" of ") && error.contains("after 2 attempts"), error);
  }

  @Test
  void reportsAConnectionClosedWithoutAnAnswer() {
    String error = bench.breaking().failWith(good, Answer.reset()).getString("error");
    assertTrue(error.contains("closed the connection before answering") && error.contains("after 2 attempts"), error);
  }

  @Test
  void waitsTheRetryAfterOfA503BeforeTryingAgain() {
    JsonObject run = bench.breaking().failWith(good, Answer.status(503).withHeader("Retry-After", "1"));
    assertTrue(run.getString("error").contains("HTTP 503") && run.getString("error").contains("after 2 attempts"), run.encode());
    assertEquals(503, run.getInteger("httpStatus"));
    List<FakeRegistry.Seen> seen = bench.registry().requests(bench.breaking().lastPath());
    assertEquals(3, seen.size(), "one good fetch, then two attempts");
    Duration gap = Duration.between(seen.get(1).at(), seen.get(2).at());
    assertTrue(gap.toMillis() >= 1000, "Retry-After: 1 was honoured: " + gap);
  }

  @Test
  void givesUpAtOnceWhenRetryAfterOutlastsTheTotalTimeout() {
    String error = bench.breaking().failWith(good, Answer.status(503).withHeader("Retry-After", "60")).getString("error");
    assertTrue(error.contains("no time left for the Retry-After of 60s"), error);
    assertEquals(2, bench.registry().hits(bench.breaking().lastPath()), "one good fetch, one attempt");
  }

  @Test
  void givesUpOnAServerThatSendsNoHeadersAtTheFirstByteTimeout() {
    String error = bench.breaking().failWith(good, Answer.silence()).getString("error");
    assertTrue(error.contains("harvest.firstByteTimeout") || error.contains("harvest.totalTimeout"), error);
  }
}
