package org.dpgfed.harvester.web.sparql;

import static org.dpgfed.harvester.testing.Http.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feed's graph holds every product's versions, yet no way of reading the store from /sparql
 * reaches it: rewritten triple patterns, the dataset kept for paths and DESCRIBE, FROM and
 * default-graph-uri alike.
 */
class HiddenGraphsTest {
  private static final String VERSION_OF = "<http://purl.org/dc/terms/isVersionOf>";
  private static final String FEED_GRAPH = "<" + TestNode.BASE + "/graph/feed>";

  @TempDir static Path dir;
  static Vertx vertx;
  static TestNode node;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    node = TestNode.startHarvested(vertx, dir, "hidden", TestNode.environment(dir.resolve("data")));
  }

  @AfterAll
  static void stop() {
    node.close();
    vertx.close();
  }

  private static HttpResponse<String> get(String query, String params) {
    HttpResponse<String> response = Http.get(node.url("/sparql?query=" + encode(query) + params),
        "application/sparql-results+json");
    assertEquals(200, response.statusCode(), query + ": " + response.body());
    return response;
  }

  private static boolean ask(String query, String params) {
    return new JsonObject(get(query, params).body()).getBoolean("boolean");
  }

  private static String count(String where) {
    return new JsonObject(get("SELECT (COUNT(*) AS ?n) WHERE { " + where + " }", "").body()).getJsonObject("results")
        .getJsonArray("bindings").getJsonObject(0).getJsonObject("n").getString("value");
  }

  @Test
  void theFeedHasVersionsThatNoQueryReaches() {
    assertTrue(Http.get(node.url("/feed"), "text/turtle").body().contains("isVersionOf"), "the feed holds versions");
    for (String query : List.of(
        "ASK { ?v " + VERSION_OF + " ?p }",
        "ASK { GRAPH ?g { ?v " + VERSION_OF + " ?p } }",
        "ASK { ?v ?p ?o FILTER(?p = " + VERSION_OF + ") }",
        "ASK { GRAPH ?g { ?v ?p ?o FILTER(?p = " + VERSION_OF + ") } }",
        "ASK { GRAPH " + FEED_GRAPH + " { ?s ?p ?o } }",
        "ASK { ?v " + VERSION_OF + "+ ?p }",
        "ASK { GRAPH ?g { ?v " + VERSION_OF + "* ?p FILTER(?v != ?p) } }",
        "ASK FROM " + FEED_GRAPH + " { ?s ?p ?o }",
        "ASK FROM NAMED " + FEED_GRAPH + " { GRAPH ?g { ?s ?p ?o } }")) {
      assertFalse(ask(query, ""), query);
    }
    assertFalse(ask("ASK { ?s ?p ?o }", "&default-graph-uri=" + encode(FEED_GRAPH.replaceAll("[<>]", ""))));
    assertTrue(ask("ASK { GRAPH ?g { ?r <http://xmlns.com/foaf/0.1/primaryTopic> ?p } }", ""), "the rest is there");
  }

  @Test
  void rewrittenPatternsAndTheDatasetSeeTheSameTriples() {
    String all = count("?s ?p ?o");
    assertEquals(all, count("GRAPH ?g { ?s ?p ?o }"), "the default graph is the union of the visible graphs (one source: no triple is in two of them)");
    assertEquals(all, count("?s ?p ?o . ?s <urn:x:none>* ?s"), "a path query reads through the dataset");
    String titles = count("?s <http://purl.org/dc/terms/title> ?t");
    assertEquals(titles, count("GRAPH ?g { ?s <http://purl.org/dc/terms/title> ?t }"),
        "a GRAPH ?g pattern read graph by graph sees the visible titles, and none of the feed's copies");
    assertEquals(titles, count("?s <http://purl.org/dc/terms/title> ?t . ?s <urn:x:none>* ?s"), "as the dataset does");
    String version = org.apache.jena.riot.RDFParser.fromString(Http.get(node.url("/feed/page/1"), "text/turtle").body(),
        org.apache.jena.riot.Lang.TURTLE).toGraph().find(null, org.apache.jena.graph.NodeFactory.createURI(
            "http://purl.org/dc/terms/isVersionOf"), null).next().getSubject().getURI();
    HttpResponse<String> described = Http.get(node.url("/sparql?query=" + encode("DESCRIBE <" + version + ">")),
        "application/n-triples");
    assertEquals(200, described.statusCode(), described.body());
    assertFalse(described.body().contains("isVersionOf"), described.body());
  }
}
