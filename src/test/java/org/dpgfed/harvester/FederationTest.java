package org.dpgfed.harvester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.dpgfed.harvester.testing.CountingProxy;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;
import org.dpgfed.harvester.testing.TestNode;
import org.dpgfed.harvester.testing.TwoNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real nodes on loopback: A harvests a registry, B harvests A's feed. B ends with A's products
 * under its own base, and later runs fetch only the pages that may have changed.
 */
class FederationTest {
  private static final String B_BASE = TwoNodes.B_BASE;

  @TempDir static Path dir;
  static TwoNodes nodes;
  static FakeRegistry registry;
  static CountingProxy proxy;
  static TestNode a;
  static TestNode b;
  static String aBase;
  static JsonObject full;
  static long fullBytes;
  static List<String> fullPaths;
  static JsonObject incremental;
  static long incrementalBytes;
  static List<String> incrementalPaths;

  @BeforeAll
  static void twoNodes() throws Exception {
    nodes = TwoNodes.start(dir, Map.of("DPG_NODE_FEED_PAGE_SIZE", "2"));
    registry = nodes.registry();
    proxy = nodes.proxy();
    a = nodes.a();
    b = nodes.b();
    aBase = nodes.aBase();

    ObjectMapper json = new ObjectMapper();
    ArrayNode records = (ArrayNode) json.readTree(Path.of("src/test/resources/e2e/registry-v1.json").toFile());
    registry.serve("/dpgs", Answer.json(records.toString()));
    a.awaitRun(TestNode.firstRunId(a.register(new JsonObject().put("id", "ke-registry").put("title", "Kenya")
        .put("url", registry.url("/dpgs")).put("format", "dpga-json").put("schedule", "manual"))));
    full = b.awaitRun(TestNode.firstRunId(b.register(new JsonObject().put("id", "node-a").put("title", "Node A")
        .put("url", aBase + "/feed").put("format", "feed").put("schedule", "manual"))));
    fullBytes = proxy.bytes();
    fullPaths = proxy.paths();

    ((ObjectNode) records.get(0)).put("description", "A changed description.");
    records.remove(2);
    registry.serve("/dpgs", Answer.json(records.toString()));
    a.harvest("ke-registry");
    proxy.reset();
    incremental = b.harvest("node-a");
    incrementalBytes = proxy.bytes();
    incrementalPaths = proxy.paths();
  }

  @AfterAll
  static void stop() {
    nodes.close();
  }

  private static Set<String> keys(TestNode node) {
    Set<String> keys = new HashSet<>();
    try (var exec = QueryExecutionHTTP.service(node.url("/sparql"))
        .query("SELECT DISTINCT ?p WHERE { GRAPH ?g { ?r <http://xmlns.com/foaf/0.1/primaryTopic> ?p } }").build()) {
      exec.execSelect().forEachRemaining(row -> {
        String iri = row.getResource("p").getURI();
        keys.add(iri.substring(iri.lastIndexOf('/') + 1));
      });
    }
    return keys;
  }

  @Test
  void bHoldsExactlyAsProductsUnderItsOwnBase() {
    assertEquals("succeeded", full.getString("status"), full.encode());
    assertEquals(3, full.getInteger("records"));
    assertEquals("succeeded", incremental.getString("status"), incremental.encode());
    assertEquals(1, incremental.getInteger("removed"), "a removal at A's source removes the product at B");
    assertEquals(keys(a), keys(b));
    assertEquals(2, keys(b).size());
  }

  @Test
  void bKeepsProvenanceAndPointsAtTheOrigin() {
    String query = "ASK { GRAPH <" + B_BASE + "/graph/source/node-a> { ?r <http://xmlns.com/foaf/0.1/primaryTopic> ?p ; "
        + "<http://purl.org/dc/terms/source> <" + B_BASE + "/id/source/node-a> ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?o . "
        + "?o <https://w3id.org/dpgfed/vocab#originalSource> <" + aBase + "/id/source/ke-registry> . "
        + "?p <http://www.w3.org/2002/07/owl#sameAs> ?origin ; <http://purl.org/dc/terms/description> \"A changed description.\"@en "
        + "FILTER(STRSTARTS(STR(?p), \"" + B_BASE + "/id/product/\") && STRSTARTS(STR(?origin), \"" + aBase + "/id/product/\")) } }";
    try (var exec = QueryExecutionHTTP.service(b.url("/sparql")).query(query).build()) {
      assertTrue(exec.execAsk());
    }
  }

  @Test
  void aQueryAtBReachesAThroughServiceWhenAIsAPeer() {
    String query = "SELECT ?title WHERE { SERVICE <" + aBase + "/sparql> { GRAPH ?g { ?p <http://purl.org/dc/terms/title> ?title } } }";
    Set<String> titles = new HashSet<>();
    try (var exec = QueryExecutionHTTP.service(b.url("/sparql")).query(query).build()) {
      exec.execSelect().forEachRemaining(row -> titles.add(row.getLiteral("title").getString()));
    }
    assertTrue(titles.contains("Classroom Stories"), titles.toString());
    String elsewhere = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }";
    assertEquals(400, org.dpgfed.harvester.testing.Http.get(b.url("/sparql?query=")
        + org.dpgfed.harvester.testing.Http.encode(elsewhere), null).statusCode());
  }

  @Test
  void anIncrementalRunFetchesOnlyPagesThatMayHaveChanged() {
    assertTrue(fullPaths.contains("/feed/page/1"), fullPaths.toString());
    assertFalse(incrementalPaths.contains("/feed/page/1"), incrementalPaths.toString());
    assertFalse(incrementalPaths.contains("/feed"), incrementalPaths.toString());
    assertTrue(incrementalBytes < fullBytes + 1, incrementalBytes + " vs " + fullBytes);
    System.out.printf("incremental update: %d requests, %d bytes; full harvest: %d requests, %d bytes%n",
        incrementalPaths.size(), incrementalBytes, fullPaths.size(), fullBytes);
  }
}
