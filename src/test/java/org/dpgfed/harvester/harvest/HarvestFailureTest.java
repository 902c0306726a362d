package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.dpgfed.harvester.testing.BreakingSource;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;
import org.dpgfed.harvester.testing.HarvestBench;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad input never loses data: each broken answer fails the run with a message naming the cause,
 * the source's previous graph stays queryable, and other sources are untouched.
 */
class HarvestFailureTest {
  private static final int CAP = 20_000;

  @RegisterExtension static HarvestBench bench = HarvestBench.perClass(Map.of("DPG_HARVEST_FIRST_BYTE_TIMEOUT", "PT1S",
      "DPG_HARVEST_MAX_ATTEMPTS", "2", "DPG_HARVEST_MAX_BODY_BYTES", String.valueOf(CAP)));

  /** Harvests good content, breaks the source, harvests again; returns the failed run's error. */
  private static String failWith(Answer broken) {
    return bench.breaking().failWith(HarvestBench.good(), broken).getString("error");
  }

  @Test
  void keepsPreviousGraphWhenSourceReturnsMalformedJson() {
    String error = failWith(Answer.json("[{\"name\": \"Broken\",\n \"description\": }"));
    assertTrue(error.contains("line 2") && error.contains("column"), error);
  }

  @Test
  void keepsPreviousGraphWhenSourceReturnsSomethingElseThanJson() {
    String error = failWith(Answer.bytes("text/html", "<html><body>Maintenance</body></html>".getBytes(StandardCharsets.UTF_8)));
    assertTrue(error.toLowerCase().contains("json"), error);
  }

  @Test
  void keepsPreviousGraphWhenSourceReturnsAnEmptyBody() {
    String error = failWith(Answer.bytes("application/json", new byte[0]));
    assertTrue(error.toLowerCase().contains("empty"), error);
  }

  @Test
  void keepsPreviousGraphWhenSourceReturnsInvalidUtf8() {
    byte[] bad = "[{\"name\": \"caf\u00e9\"}]".getBytes(StandardCharsets.ISO_8859_1);
    String error = failWith(Answer.bytes("application/json", bad));
    assertTrue(error.contains("UTF-8"), error);
  }

  @Test
  void retriesAServerErrorThenReportsTheStatus() {
    String error = failWith(Answer.status(503));
    assertTrue(error.contains("HTTP 503") && error.contains("after 2 attempts"), error);
  }

  @Test
  void doesNotRetryAClientError() {
    String error = failWith(Answer.status(404));
    assertTrue(error.contains("HTTP 404") && !error.contains("attempts"), error);
    assertEquals(2, bench.registry().hits(bench.breaking().lastPath()), "one good fetch, one failed fetch");
  }

  @Test
  void givesUpOnASourceThatNeverAnswers() {
    String error = failWith(Answer.silence());
    assertTrue(error.contains("timed out") || error.contains("timeout"), error);
  }

  @Test
  void refusesABodyOverTheCap() {
    byte[] big = ("[" + "{\"name\": \"x\"},".repeat(CAP / 10) + "{\"name\": \"y\"}]").getBytes(StandardCharsets.UTF_8);
    String error = failWith(Answer.bytes("application/json", big));
    assertTrue(error.contains("harvest.maxBodyBytes"), error);
  }

  @Test
  void appliesTheCapAfterDecompression() throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(("[" + " ".repeat(CAP * 50) + "]").getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(compressed.size() < CAP, "the compressed bomb itself is small");
    String error = failWith(Answer.gzip(compressed.toByteArray()));
    assertTrue(error.contains("harvest.maxBodyBytes"), error);
  }

  @Test
  void stopsFollowingARedirectLoop() {
    bench.registry().serve("/loop-a", Answer.redirect("/loop-b")).serve("/loop-b", Answer.redirect("/loop-a"));
    String error = failWith(Answer.redirect("/loop-a"));
    assertTrue(error.contains("redirects"), error);
  }

  @Test
  void followsAnOrdinaryRedirect() {
    bench.registry().serve("/moved", HarvestBench.good()).serve("/old", Answer.redirect("/moved"));
    JsonObject run = bench.node().awaitRun(TestNode.firstRunId(bench.node().register(BreakingSource.source(bench.registry(), "redirected", "/old"))));
    assertEquals("succeeded", run.getString("status"), run.encode());
    assertEquals(4, run.getInteger("records"));
  }
}
