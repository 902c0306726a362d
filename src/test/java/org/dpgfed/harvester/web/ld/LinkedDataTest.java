package org.dpgfed.harvester.web.ld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dereferenceable IRIs, the DCAT catalogue and the VoID description, read back with Jena. */
class LinkedDataTest {
  private static final String DCT = "http://purl.org/dc/terms/";

  @TempDir static Path dir;
  static Vertx vertx;
  static TestNode node;
  static String product;
  static String record;
  static String runId;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Path config = dir.resolve("harvester.yaml");
    Files.writeString(config, """
        sources:
          - id: ld-test
            title: Linked data test registry
            url: %s
            format: dpga-json
            schedule: manual
        """.formatted(Path.of("src/test/resources/e2e/registry-v1.json").toAbsolutePath().toUri()));
    node = TestNode.start(vertx, config, TestNode.environment(dir.resolve("data")));
    runId = TestNode.await(node.client().get("/api/sources/ld-test").send()).bodyAsJsonObject()
        .getJsonObject("status").getJsonObject("lastRun").getString("id");
    node.awaitRun(runId);
    try (var exec = QueryExecutionHTTP.service(node.url("/sparql")).query(
        "SELECT ?r ?p WHERE { ?r <http://xmlns.com/foaf/0.1/primaryTopic> ?p ; <" + DCT + "identifier> \"malaria-surveillance\" }").build()) {
      QuerySolution row = exec.execSelect().next();
      product = row.getResource("p").getURI();
      record = row.getResource("r").getURI();
    }
  }

  @AfterAll
  static void stop() {
    node.close();
    vertx.close();
  }

  private static String local(String iri) {
    return node.url(iri.substring(TestNode.BASE.length()));
  }

  private static Graph parse(HttpResponse<String> response, Lang lang) {
    assertEquals(200, response.statusCode(), response.body());
    String body = lang.equals(Lang.JSONLD) ? withLocalContext(response.body()) : response.body();
    return RDFParser.fromString(body, lang).toGraph();
  }

  /** The document with its context (which names the node's published one) inlined from the repository's file. */
  private static String withLocalContext(String jsonLd) {
    JsonObject document = new JsonObject(jsonLd);
    assertEquals(TestNode.BASE + "/vocab/context.jsonld", document.getString("@context"), "the published context");
    try {
      JsonObject context = new JsonObject(Files.readString(Path.of("vocab/contexts/dpg.jsonld")));
      return document.put("@context", context.getValue("@context")).encode();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aProductAnswersInEveryRdfFormatWithTheSameTriples() {
    Map<String, Lang> formats = Map.of("text/turtle", Lang.TURTLE, "application/ld+json", Lang.JSONLD,
        "application/n-triples", Lang.NTRIPLES, "application/rdf+xml", Lang.RDFXML);
    Graph turtle = parse(Http.get(local(product), "text/turtle"), Lang.TURTLE);
    assertTrue(turtle.contains(NodeFactory.createURI(product), NodeFactory.createURI(DCT + "title"),
        NodeFactory.createLiteralLang("Malaria Surveillance Toolkit", "en")));
    assertTrue(turtle.contains(NodeFactory.createURI(record), NodeFactory.createURI("http://xmlns.com/foaf/0.1/primaryTopic"),
        NodeFactory.createURI(product)), "the records that list it");
    formats.forEach((type, lang) -> {
      HttpResponse<String> response = Http.get(local(product), type);
      assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith(type), type);
      assertTrue(response.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")), type);
      assertTrue(parse(response, lang).isIsomorphicWith(turtle), type);
    });
  }

  @Test
  void jsonLdIsCompactedWithThePublishedContextAndItsShortTerms() {
    HttpResponse<String> response = Http.get(local(product), "application/ld+json");
    Graph turtle = parse(Http.get(local(product), "text/turtle"), Lang.TURTLE);
    assertTrue(parse(response, Lang.JSONLD).isIsomorphicWith(turtle), response.body());
    String body = response.body();
    for (String term : List.of("\"title\"", "\"license\"", "\"primaryTopic\"", "\"codeRepository\"", "\"subject\"")) {
      assertTrue(body.contains(term), term + " in " + body);
    }
    assertFalse(body.contains("\"dct:title\""), body);
    assertFalse(body.contains("http://purl.org/dc/terms/title"), body);
    assertEquals(200, Http.get(node.url("/vocab/context.jsonld"), null).statusCode(), "the node serves what it names");
  }

  @Test
  void browsersGetAReadablePage() {
    HttpResponse<String> page = Http.get(local(product), "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    assertTrue(page.body().contains("<h1>Malaria Surveillance Toolkit"), page.body());
    assertTrue(page.body().contains("SDG 3"));
    assertTrue(page.body().contains("Listed by"));
    assertTrue(page.body().contains("GPL-3.0-only"));
    assertFalse(page.body().contains("a.person@example.org"));
  }

  @Test
  void recordsSourcesAndRunsDereferenceToo() {
    assertEquals(200, Http.get(local(record), "text/turtle").statusCode());
    assertEquals(200, Http.get(node.url("/id/source/ld-test"), "text/turtle").statusCode());
    HttpResponse<String> run = Http.get(node.url("/id/run/" + runId), "application/n-triples");
    assertTrue(run.body().contains("http://www.w3.org/ns/prov#Activity"), run.body());
  }

  @Test
  void unknownIrisAre404AndUnacceptableFormats406() {
    assertEquals(404, Http.get(node.url("/id/product/0000000000000000"), "text/turtle").statusCode());
    assertEquals(404, Http.get(node.url("/id/nothing"), "text/turtle").statusCode());
    assertEquals(406, Http.get(local(product), "image/png").statusCode());
  }

  @Test
  void corsIsOpen() {
    HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(local(product)))
        .header("Origin", "https://app.example.net").GET());
    assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
  }

  @Test
  void theCatalogueListsEveryProductWithStablePageLinks() {
    Graph page = parse(Http.get(node.url("/catalog"), "text/turtle"), Lang.TURTLE);
    var catalog = NodeFactory.createURI(TestNode.BASE + "/catalog");
    long resources = page.find(catalog, NodeFactory.createURI("http://www.w3.org/ns/dcat#resource"), null).toList().size();
    assertEquals(3, resources, "four records, two of which are one product");
    var view = NodeFactory.createURI(TestNode.BASE + "/catalog?page=1");
    assertTrue(page.contains(catalog, NodeFactory.createURI("http://www.w3.org/ns/hydra/core#view"), view));
    assertFalse(page.find(view, NodeFactory.createURI("http://www.w3.org/ns/hydra/core#next"), null).hasNext());
    Graph second = parse(Http.get(node.url("/catalog?page=2"), "application/n-triples"), Lang.NTRIPLES);
    assertFalse(second.find(catalog, NodeFactory.createURI("http://www.w3.org/ns/dcat#resource"), null).hasNext());
    assertEquals(400, Http.get(node.url("/catalog?page=0"), null).statusCode());
  }

  @Test
  void voidGivesLiveStatisticsPerSource() {
    Graph voidGraph = parse(Http.get(node.url("/.well-known/void"), "text/turtle"), Lang.TURTLE);
    var graph = NodeFactory.createURI(TestNode.BASE + "/graph/source/ld-test");
    var entities = voidGraph.find(graph, NodeFactory.createURI("http://rdfs.org/ns/void#entities"), null).next().getObject();
    assertEquals(3, ((Number) entities.getLiteralValue()).intValue());
    var triples = voidGraph.find(graph, NodeFactory.createURI("http://rdfs.org/ns/void#triples"), null).next().getObject();
    try (var exec = QueryExecutionHTTP.service(node.url("/sparql"))
        .query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + TestNode.BASE + "/graph/source/ld-test> { ?s ?p ?o } }").build()) {
      assertEquals(exec.execSelect().next().getLiteral("n").getLong(), ((Number) triples.getLiteralValue()).longValue());
    }
  }
}
