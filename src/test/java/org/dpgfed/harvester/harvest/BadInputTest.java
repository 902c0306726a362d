package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile or empty records through the running node, with the default limits: each gives a
 * per-record problem or a failed run with a clear message, and nothing of other sources is lost.
 */
class BadInputTest {
  private static final int FIFTY_MB = 50 * 1024 * 1024;
  private static final String GOOD = "{\"id\": \"good\", \"name\": \"Good\", \"description\": \"Fine.\","
      + " \"license\": [{\"spdx\": \"MIT\"}], \"SDGs\": [{\"SDGNumber\": 3}], \"type\": [\"software\"],"
      + " \"repositories\": [{\"url\": \"https://github.com/ex/good\"}]}";

  @TempDir static Path dir;
  static Vertx vertx;
  static FakeRegistry registry;
  static TestNode node;
  static long intactTriples;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    registry = FakeRegistry.on(vertx);
    node = TestNode.start(vertx, dir.resolve("node"));
    registry.serve("/intact", Answer.bytes("application/json",
        Files.readAllBytes(Path.of("src/test/resources/e2e/registry-v1.json"))));
    assertEquals("succeeded", harvest("intact", "/intact", "dpga-json").getString("status"));
    intactTriples = node.triples("intact");
  }

  @AfterAll
  static void stop() {
    node.close();
    vertx.close();
  }

  @Test
  void aFiftyMegabyteDescriptionFailsItsRunClearlyAndLosesNothingElse() {
    byte[] head = "[{\"id\": \"huge\", \"name\": \"Huge\", \"type\": [\"software\"], \"description\": \"".getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\"}, " + GOOD + "]").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + FIFTY_MB + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    Arrays.fill(body, head.length, head.length + FIFTY_MB, (byte) 'x');
    System.arraycopy(tail, 0, body, head.length + FIFTY_MB, tail.length);
    registry.serve("/huge", Answer.bytes("application/json", body));
    JsonObject run = harvest("huge", "/huge", "dpga-json");
    assertEquals("failed", run.getString("status"), run.encode());
    assertTrue(run.getString("error").contains("beyond the reader's limits: String value length"), run.getString("error"));
    assertEquals(intactTriples, node.triples("intact"), "the other source keeps its graph");
    assertEquals(200, Http.get(node.url("/health"), "application/json").statusCode());
  }

  @Test
  void aRecordWithEveryFieldMissingIsCountedInvalidAndTheOthersStay() {
    registry.serve("/empty-record", Answer.json("[{}, " + GOOD + "]"));
    JsonObject run = harvest("empty-record", "/empty-record", "dpga-json");
    assertEquals("succeeded", run.getString("status"), run.encode());
    assertEquals(1, run.getInteger("records"), run.encode());
    assertEquals(1, run.getInteger("invalid"), run.encode());
    JsonArray problems = new JsonObject(Http.get(node.url("/api/runs/" + run.getString("id") + "/report"), "application/json")
        .body()).getJsonArray("items");
    assertTrue(problems.stream().anyMatch(p -> ((JsonObject) p).getString("severity").equals("violation")), problems.encode());
  }

  @Test
  void anEmptyCodeJsonReleaseIsCountedInvalid() {
    registry.serve("/empty-release", Answer.json("{\"version\": \"2.0.0\", \"agency\": \"EXA\", \"releases\": [{}]}"));
    JsonObject run = harvest("empty-release", "/empty-release", "code-json");
    assertEquals("succeeded", run.getString("status"), run.encode());
    assertEquals(0, run.getInteger("records"), run.encode());
    assertEquals(1, run.getInteger("invalid"), run.encode());
  }

  private static JsonObject harvest(String id, String path, String format) {
    return node.awaitRun(TestNode.firstRunId(node.register(new JsonObject().put("id", id).put("title", id)
        .put("url", registry.url(path)).put("format", format))));
  }
}
