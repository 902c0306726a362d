package org.dpgfed.harvester.web.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.FeedReplay;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change feed: a client that replays it from the start and keeps the latest version of each
 * product ends with exactly the node's current products.
 */
class FeedTest {
  private static final String LDES = "https://w3id.org/ldes#";
  private static final Node IS_VERSION_OF = uri("http://purl.org/dc/terms/isVersionOf");
  private static final Node TYPE = uri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
  private static final Node REMOVAL = uri("https://w3id.org/dpgfed/vocab#ProductRemoval");

  @TempDir static Path dir;
  static Vertx vertx;
  static FakeRegistry registry;
  static TestNode node;
  static String removedProduct;

  @BeforeAll
  static void harvestThenChange() throws Exception {
    vertx = Vertx.vertx();
    registry = FakeRegistry.on(vertx);
    Map<String, String> env = TestNode.environment(dir);
    env.put("DPG_NODE_FEED_PAGE_SIZE", "2");
    node = TestNode.start(vertx, null, env);
    ObjectMapper json = new ObjectMapper();
    ArrayNode records = (ArrayNode) json.readTree(Path.of("src/test/resources/e2e/registry-v1.json").toFile());
    registry.serve("/dpgs", Answer.json(records.toString()));
    JsonObject source = new JsonObject().put("id", "feed-src").put("title", "feed").put("url", registry.url("/dpgs"))
        .put("format", "dpga-json").put("schedule", "manual");
    assertEquals("succeeded", node.awaitRun(TestNode.firstRunId(node.register(source))).getString("status"));
    removedProduct = productOf("open-water-data");
    assertEquals("unchanged", node.harvest("feed-src").getString("status"));
    ((ObjectNode) records.get(0)).put("description", "A changed description.");
    records.remove(2); // open-water-data leaves the registry
    registry.serve("/dpgs", Answer.json(records.toString()));
    assertEquals("succeeded", node.harvest("feed-src").getString("status"));
  }

  @AfterAll
  static void stop() {
    node.close();
    vertx.close();
  }

  private static Node uri(String iri) {
    return NodeFactory.createURI(iri);
  }

  private static String productOf(String id) {
    try (var exec = QueryExecutionHTTP.service(node.url("/sparql")).query("SELECT ?p WHERE { ?r "
        + "<http://purl.org/dc/terms/identifier> \"" + id + "\" ; <http://xmlns.com/foaf/0.1/primaryTopic> ?p }").build()) {
      return exec.execSelect().next().getResource("p").getURI();
    }
  }

  private static Set<String> currentProducts() {
    Set<String> products = new HashSet<>();
    try (var exec = QueryExecutionHTTP.service(node.url("/sparql"))
        .query("SELECT DISTINCT ?p WHERE { ?r <http://xmlns.com/foaf/0.1/primaryTopic> ?p }").build()) {
      exec.execSelect().forEachRemaining(row -> products.add(row.getResource("p").getURI()));
    }
    return products;
  }

  private static String local(String iri) {
    return node.url(iri.substring(TestNode.BASE.length()));
  }

  private static Graph get(String url) {
    HttpResponse<String> response = Http.get(url, "text/turtle");
    assertEquals(200, response.statusCode(), url + ": " + response.body());
    return RDFParser.fromString(response.body(), Lang.TURTLE).toGraph();
  }

  @Test
  void replayingTheFeedGivesExactlyTheCurrentProducts() {
    Graph stream = get(node.url("/feed"));
    Node feed = uri(TestNode.BASE + "/feed");
    assertTrue(stream.contains(feed, TYPE, uri(LDES + "EventStream")));
    assertTrue(stream.contains(feed, uri(LDES + "versionOfPath"), IS_VERSION_OF));
    assertTrue(stream.contains(feed, uri(LDES + "timestampPath"), uri("http://www.w3.org/ns/prov#generatedAtTime")));
    assertTrue(stream.find(feed, uri(LDES + "retentionPolicy"), null).hasNext());
    FeedReplay replay = FeedReplay.of(node);
    assertTrue(replay.pages() >= 3, "3 first versions, 1 change, 1 removal at 2 a page");
    assertEquals(currentProducts(), replay.current());
    assertTrue(replay.latest().get(removedProduct).removal());
    assertEquals(5, replay.lastSequence(), "an unchanged run adds no member");
  }

  @Test
  void fullPagesAreImmutableAndTheNewestIsNot() {
    HttpResponse<String> first = Http.get(node.url("/feed/page/1"), "text/turtle");
    assertEquals("public, max-age=31536000, immutable", first.headers().firstValue("Cache-Control").orElseThrow());
    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = Http.send(HttpRequest.newBuilder(URI.create(node.url("/feed/page/1")))
        .header("Accept", "text/turtle").header("If-None-Match", etag).GET());
    assertEquals(304, again.statusCode());
    HttpResponse<String> last = Http.get(node.url("/feed/page/3"), "text/turtle");
    assertFalse(last.headers().firstValue("Cache-Control").orElseThrow().contains("immutable"));
    assertEquals(404, Http.get(node.url("/feed/page/4"), "text/turtle").statusCode());
  }

  @Test
  void aProductNoSourceListsIsGoneWithALinkToItsLastVersion() {
    HttpResponse<String> gone = Http.get(local(removedProduct), "text/turtle");
    assertEquals(410, gone.statusCode());
    String link = gone.headers().firstValue("Link").orElseThrow();
    assertTrue(link.contains(removedProduct + "/version/"), link);
    String version = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
    assertTrue(get(local(version)).contains(uri(version), TYPE, REMOVAL));
  }

  @Test
  void versionsStayOutOfTheSparqlDefaultGraph() {
    try (var exec = QueryExecutionHTTP.service(node.url("/sparql"))
        .query("ASK { { ?v <http://purl.org/dc/terms/isVersionOf> ?p } UNION { GRAPH ?g { ?v <http://purl.org/dc/terms/isVersionOf> ?p } } }").build()) {
      assertFalse(exec.execAsk());
    }
  }
}
