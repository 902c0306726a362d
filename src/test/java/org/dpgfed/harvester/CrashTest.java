package org.dpgfed.harvester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.dpgfed.harvester.testing.BreakingSource;
import org.dpgfed.harvester.testing.ChildNode;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during a harvest, then a restart on the same data directory: the store opens, the
 * source's graph is its last committed state, the run cut short is failed ("interrupted"), the
 * source is harvested again, and no other source lost anything. The node runs as a child JVM.
 */
class CrashTest {
  @TempDir Path dir;
  Vertx vertx;
  FakeRegistry registry;
  ChildNode child;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    registry = FakeRegistry.on(vertx);
  }

  @AfterEach
  void stop() {
    if (child != null) {
      child.close();
    }
    vertx.close();
  }

  /** Starts the node as its own process and waits until it says it listens. */
  private void startChild() throws Exception {
    Path config = dir.resolve("node.yaml");
    Files.writeString(config, "node:\n  title: crash test node\n");
    Map<String, String> env = TestNode.environment(dir.resolve("data"));
    env.put("DPG_HARVEST_FIRST_BYTE_TIMEOUT", "PT2S");
    child = ChildNode.start(config, env);
    child.url("/");
  }

  private String url(String path) {
    try {
      return child.url(path);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonObject get(String path) {
    var response = Http.get(url(path), "application/json");
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return new JsonObject(response.body());
  }

  private JsonObject admin(String path, String body) {
    var request = HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + TestNode.ADMIN)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    var response = Http.send(request);
    assertTrue(response.statusCode() == 201 || response.statusCode() == 202, path + ": " + response.body());
    return new JsonObject(response.body());
  }

  private JsonObject awaitRun(String runId) {
    JsonObject run = get("/api/runs/" + runId + "?wait=PT1M");
    assertTrue(run.getString("status").matches("succeeded|unchanged|failed"), run.encode());
    return run;
  }

  private long triples(String sourceId) {
    String query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + TestNode.BASE + "/graph/source/" + sourceId + "> { ?s ?p ?o } }";
    try (var exec = QueryExecutionHTTP.service(url("/sparql")).query(query).build()) {
      return exec.execSelect().next().getLiteral("n").getLong();
    }
  }

  private JsonObject register(String id, String path) {
    return admin("/api/sources", BreakingSource.source(registry, id, path).encode());
  }

  @Test
  void recoversFromAKillDuringAHarvest() throws Exception {
    Answer good = Answer.bytes("application/json", Files.readAllBytes(Path.of("src/test/resources/e2e/registry-v1.json")));
    registry.serve("/steady", good).serve("/cut", good);
    startChild();
    assertEquals("succeeded", awaitRun(TestNode.firstRunId(register("steady", "/steady"))).getString("status"));
    assertEquals("succeeded", awaitRun(TestNode.firstRunId(register("cut", "/cut"))).getString("status"));
    long steady = triples("steady");
    long cut = triples("cut");

    registry.serve("/cut", Answer.silence());
    String cutShort = admin("/api/sources/cut/harvest", "").getString("id");
    TestNode.await(registry.awaitHits("/cut", 2)); // the run is under way, its answer held
    assertNotEquals(0, child.kill(), "killed, not stopped");

    registry.serveInOrder("/cut", Answer.silence(), good); // the next run's first attempt hangs too
    startChild();
    TestNode.await(registry.awaitHits("/cut", 3)); // harvested again at start
    JsonObject interrupted = get("/api/runs/" + cutShort);
    assertEquals("failed", interrupted.getString("status"), interrupted.encode());
    assertTrue(interrupted.getString("error").contains("interrupted"), interrupted.encode());
    assertEquals(cut, triples("cut"), "the cut source's graph is its last committed state");
    assertEquals(steady, triples("steady"), "the other source lost nothing");

    JsonArray runs = get("/api/sources/cut/runs").getJsonArray("items");
    String again = runs.getJsonObject(0).getString("id");
    assertNotEquals(cutShort, again);
    String status = awaitRun(again).getString("status");
    assertTrue(List.of("succeeded", "unchanged").contains(status), "harvested again: " + status + "\n" + child.lines());
    assertEquals(cut, triples("cut"));
    assertEquals(1, get("/api/sources/steady/runs").getJsonArray("items").size(), "the steady source was not due");
  }
}
