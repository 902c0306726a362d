package org.dpgfed.harvester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
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
 * Two real nodes on loopback: B harvests A's feed and two registries of its own that list one of
 * A's products by the same repository, one harvested before the feed and one after. Whatever the
 * order, B describes that product with one IRI: its key is the smallest among all identity strings
 * of its records, here that of a repository only B's first registry knows.
 */
class FederatedReconciliationTest {
  private static final String B_BASE = TwoNodes.B_BASE;
  private static final String OTHER_REPOSITORY = "https://git.example.org/other-16";
  private static final String FOAF_TOPIC = "<http://xmlns.com/foaf/0.1/primaryTopic>";

  @TempDir static Path dir;
  static TwoNodes nodes;
  static FakeRegistry registry;
  static CountingProxy proxy;
  static TestNode a;
  static TestNode b;
  static String aBase;

  @BeforeAll
  static void twoNodes() throws Exception {
    nodes = TwoNodes.start(dir, Map.of());
    registry = nodes.registry();
    proxy = nodes.proxy();
    a = nodes.a();
    b = nodes.b();
    aBase = nodes.aBase();

    JsonArray records = new JsonArray(Files.readString(Path.of("src/test/resources/e2e/registry-v1.json")));
    registry.serve("/a", Answer.json(records.encode()));
    a.awaitRun(TestNode.firstRunId(a.register(source("ke-registry", "/a", "dpga-json"))));
    registry.serve("/before", Answer.json(copyOfMobile("mst-before", OTHER_REPOSITORY).encode()));
    registry.serve("/after", Answer.json(copyOfMobile("mst-after").encode()));
    b.awaitRun(TestNode.firstRunId(b.register(source("before", "/before", "dpga-json"))));
    JsonObject feed = source("node-a", "/feed", "feed").put("url", aBase + "/feed");
    JsonObject run = b.awaitRun(TestNode.firstRunId(b.register(feed)));
    assertEquals("succeeded", run.getString("status"), run.encode());
    b.awaitRun(TestNode.firstRunId(b.register(source("after", "/after", "dpga-json"))));
  }

  /** A's second record, under another id, listing one of its two repositories and the {@code more} given. */
  private static JsonArray copyOfMobile(String id, String... more) throws Exception {
    JsonObject mobile = new JsonArray(Files.readString(Path.of("src/test/resources/e2e/registry-v1.json"))).getJsonObject(1);
    JsonArray repositories = new JsonArray().add(new JsonObject().put("name", "app")
        .put("url", "https://github.com/example-health/mst-app"));
    for (String url : more) {
      repositories.add(new JsonObject().put("name", "more").put("url", url));
    }
    mobile.put("id", id).put("repositories", repositories);
    return new JsonArray().add(mobile);
  }

  /** The key of an identity string, computed as the contract defines it. */
  private static String key(String identityString) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(identityString.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 8);
  }

  private static JsonObject source(String id, String path, String format) {
    return new JsonObject().put("id", id).put("title", id).put("url", registry.url(path)).put("format", format)
        .put("schedule", "manual");
  }

  @AfterAll
  static void stop() {
    nodes.close();
  }

  private static Map<String, String> topics(TestNode node, String base) {
    Map<String, String> topics = new HashMap<>();
    String query = "SELECT ?g ?p WHERE { GRAPH ?g { ?r " + FOAF_TOPIC + " ?p ; <http://purl.org/dc/terms/identifier> ?id } "
        + "FILTER(?id IN (\"mst-before\", \"mst-after\", \"mst-mobile\") || STRSTARTS(STR(?r), \"" + base + "/id/record/node-a/\")) }";
    try (var exec = QueryExecutionHTTP.service(node.url("/sparql")).query(query).build()) {
      exec.execSelect().forEachRemaining(row -> topics.merge(row.getResource("g").getURI(), row.getResource("p").getURI(),
          (x, y) -> x + " " + y));
    }
    return topics;
  }

  @Test
  void recordsOfEverySourceThatShareARepositoryDescribeOneProduct() throws Exception {
    String atA = topics(a, aBase).get(aBase + "/graph/source/ke-registry");
    String key = key("repo:" + OTHER_REPOSITORY);
    assertTrue(key.compareTo(atA.substring(atA.lastIndexOf('/') + 1)) < 0, "B's own record gives the smaller key");
    String product = B_BASE + "/id/product/" + key;
    Map<String, String> atB = topics(b, B_BASE);
    assertEquals(product, atB.get(B_BASE + "/graph/source/before"), atB.toString());
    assertEquals(product, atB.get(B_BASE + "/graph/source/after"), atB.toString());
    assertTrue(atB.get(B_BASE + "/graph/source/node-a").contains(product), atB.toString());
    String sameAs = "ASK { GRAPH <" + B_BASE + "/graph/source/node-a> { <" + product + "> <http://www.w3.org/2002/07/owl#sameAs> <"
        + atA.split(" ")[0] + "> } }";
    try (var exec = QueryExecutionHTTP.service(b.url("/sparql")).query(sameAs).build()) {
      assertTrue(exec.execAsk(), "the product points at the origin's");
    }
  }

  @Test
  void theFeedRecordSaysHowItWasMatched() {
    String query = "ASK { GRAPH <" + B_BASE + "/graph/source/node-a> { ?r " + FOAF_TOPIC + " ?p ; "
        + "<https://w3id.org/dpgfed/vocab#matchedBy> <https://w3id.org/dpgfed/vocab#match-repository> } "
        + "GRAPH <" + B_BASE + "/graph/source/before> { ?other " + FOAF_TOPIC + " ?p } }";
    try (var exec = QueryExecutionHTTP.service(b.url("/sparql")).query(query).build()) {
      assertTrue(exec.execAsk());
    }
  }
}
