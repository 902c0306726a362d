package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A harvest replaces its source's graph in one transaction: queries see the old graph or the new one. */
class AtomicReplaceTest {
  @TempDir Path dir;

  @Test
  void queriesDuringRepeatedHarvestsNeverSeeAPartialGraph() throws Exception {
    Vertx vertx = Vertx.vertx();
    FakeRegistry registry = FakeRegistry.on(vertx);
    byte[] small = Files.readAllBytes(Path.of("src/test/resources/e2e/registry-v2.json"));
    byte[] large = Files.readAllBytes(Path.of("src/test/resources/e2e/registry-v1.json"));
    registry.serve("/dpgs", Answer.bytes("application/json", small));
    ExecutorService readers = Executors.newFixedThreadPool(2);
    java.util.Map<String, String> env = TestNode.environment(dir);
    env.put("DPG_HARVEST_MAX_REMOVED_SHARE", "1"); // each harvest swaps every record for others
    try (TestNode node = TestNode.start(vertx, null, env)) {
      JsonObject source = new JsonObject().put("id", "flip").put("title", "flip").put("url", registry.url("/dpgs"))
          .put("format", "dpga-json").put("schedule", "manual");
      long smallTriples = node.awaitRun(TestNode.firstRunId(node.register(source))).getLong("triples");
      registry.serve("/dpgs", Answer.bytes("application/json", large));
      long largeTriples = node.harvest("flip").getLong("triples");
      assertTrue(largeTriples != smallTriples);

      AtomicBoolean harvesting = new AtomicBoolean(true);
      Set<Long> counts = ConcurrentHashMap.newKeySet();
      CountDownLatch readerRunning = new CountDownLatch(1);
      Future<?> reader = readers.submit(() -> {
        while (harvesting.get()) {
          counts.add(count(node));
          readerRunning.countDown();
        }
      });
      assertTrue(readerRunning.await(60, TimeUnit.SECONDS));
      int harvests = 0;
      while (harvests < 20 || counts.size() < 2 && harvests < 200) {
        registry.serve("/dpgs", Answer.bytes("application/json", harvests % 2 == 0 ? small : large));
        JsonObject run = node.harvest("flip");
        assertEquals("succeeded", run.getString("status"), run.encode());
        harvests++;
      }
      harvesting.set(false);
      reader.get();
      assertEquals(Set.of(smallTriples, largeTriples), counts, "only whole graphs were ever seen, and both of them");
      JsonArray runs = TestNode.await(node.client().get("/api/sources/flip/runs?limit=100").send())
          .bodyAsJsonObject().getJsonArray("items");
      assertEquals(Math.min(100, harvests + 2), runs.size());
    } finally {
      readers.shutdownNow();
      vertx.close();
    }
  }

  private static long count(TestNode node) {
    String query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + TestNode.BASE + "/graph/source/flip> { ?s ?p ?o } }";
    try (var exec = QueryExecutionHTTP.service(node.url("/sparql")).query(query).build()) {
      return exec.execSelect().next().getLiteral("n").getLong();
    }
  }
}
