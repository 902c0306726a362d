package org.dpgfed.harvester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.registry.Run;
import org.dpgfed.harvester.registry.RunLog;
import org.dpgfed.harvester.store.TripleStore;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory is the node's memory: sources, runs and data survive a restart, and a crash. */
class RestartTest {
  @TempDir Path dir;
  Vertx vertx;
  FakeRegistry registry;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    registry = FakeRegistry.on(vertx);
    registry.serveFile("/dpgs", Path.of("src/test/resources/e2e/registry-v1.json"));
  }

  @AfterEach
  void stop() {
    vertx.close();
  }

  private JsonObject source() {
    return new JsonObject().put("id", "ke-registry").put("title", "Kenya registry").put("url", registry.url("/dpgs"))
        .put("format", "dpga-json").put("schedule", "PT6H");
  }

  private static long triples(TestNode node) {
    String query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + TestNode.BASE + "/graph/source/ke-registry> { ?s ?p ?o } }";
    try (var exec = QueryExecutionHTTP.service(node.url("/sparql")).query(query).build()) {
      return exec.execSelect().next().getLiteral("n").getLong();
    }
  }

  @Test
  void keepsSourcesRunsAndDataAcrossARestart() {
    JsonObject before;
    long triples;
    try (TestNode node = TestNode.start(vertx, dir)) {
      JsonObject run = node.awaitRun(TestNode.firstRunId(node.register(source())));
      assertEquals("succeeded", run.getString("status"));
      triples = triples(node);
      before = TestNode.await(node.client().get("/api/sources/ke-registry").send()).bodyAsJsonObject();
    }
    try (TestNode node = TestNode.start(vertx, dir)) {
      JsonObject after = TestNode.await(node.client().get("/api/sources/ke-registry").send()).bodyAsJsonObject();
      assertEquals(before.getString("url"), after.getString("url"));
      assertEquals(before.getString("createdAt"), after.getString("createdAt"));
      assertEquals(before.getJsonObject("status").getJsonObject("lastRun"), after.getJsonObject("status").getJsonObject("lastRun"));
      JsonArray runs = TestNode.await(node.client().get("/api/sources/ke-registry/runs").send()).bodyAsJsonObject().getJsonArray("items");
      assertEquals(1, runs.size(), "a restart does not harvest a source that is not due");
      assertEquals(triples, triples(node));
      assertEquals(1, registry.hits("/dpgs"));
    }
  }

  @Test
  void marksARunCutShortByACrashAsFailedAndHarvestsAgain() {
    String firstRun;
    try (TestNode node = TestNode.start(vertx, dir)) {
      firstRun = node.awaitRun(TestNode.firstRunId(node.register(source()))).getString("id");
    }
    // What a kill -9 during a harvest leaves behind: a run recorded as running.
    String cutShort;
    try (TripleStore store = TestNode.openStore(dir)) {
      RunLog runs = new RunLog(store, new Iris(TestNode.BASE), Clock.systemUTC(), 100);
      runs.load();
      Run run = runs.open("ke-registry");
      runs.save(run.running());
      cutShort = run.id();
    }
    try (TestNode node = TestNode.start(vertx, dir)) {
      JsonObject interrupted = TestNode.await(node.client().get("/api/runs/" + cutShort).send()).bodyAsJsonObject();
      assertEquals("failed", interrupted.getString("status"));
      assertTrue(interrupted.getString("error").contains("interrupted"), interrupted.encode());
      TestNode.await(registry.awaitHits("/dpgs", 2)); // the run the start opened is under way
      JsonArray runs = TestNode.await(node.client().get("/api/sources/ke-registry/runs").send()).bodyAsJsonObject().getJsonArray("items");
      String newest = runs.getJsonObject(0).getString("id");
      assertNotEquals(cutShort, newest);
      assertNotEquals(firstRun, newest);
      String status = node.awaitRun(newest).getString("status");
      assertTrue(status.equals("succeeded") || status.equals("unchanged"), "the source is harvested again: " + status);
      assertTrue(triples(node) > 0);
    }
  }
}
