package org.dpgfed.harvester.web.sparql;

import static org.dpgfed.harvester.testing.Http.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SPARQL 1.1 protocol as API.md fixes it, checked with independent readers (Jena). */
class SparqlProtocolTest {
  private static final String SELECT = "SELECT ?s ?title WHERE { ?s <http://purl.org/dc/terms/title> ?title } ORDER BY ?s ?title";
  private static final String CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s a <http://www.w3.org/ns/dcat#CatalogRecord> ; ?p ?o }";
  private static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
  private static final String HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }";

  @TempDir static Path dir;
  static Vertx vertx;
  static TestNode node;
  static String endpoint;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Map<String, String> env = TestNode.environment(dir.resolve("data"));
    env.put("DPG_SPARQL_TIMEOUT", "PT2S");
    node = TestNode.startHarvested(vertx, dir, "protocol-test", env);
    endpoint = node.url("/sparql");
  }

  @AfterAll
  static void stop() {
    node.close();
    vertx.close();
  }

  private static HttpResponse<String> get(String query, String params, String accept) {
    return Http.get(endpoint + "?query=" + encode(query) + params, accept);
  }

  private static ResultSetRewindable read(String body, Lang lang) {
    ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), lang);
    return rs.rewindable();
  }

  private static boolean readBoolean(String body, Lang lang) {
    return ResultSetMgr.readBoolean(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), lang);
  }

  @Test
  void selectDefaultsToJsonAndCarriesTheRowLimit() {
    HttpResponse<String> response = get(SELECT, "", null);
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/sparql-results+json"));
    assertEquals("100000", response.headers().firstValue("X-Result-Limit").orElseThrow());
    assertTrue(read(response.body(), ResultSetLang.RS_JSON).size() >= 4);
  }

  @Test
  void everySelectFormatParsesWithJenaAndAgrees() {
    int rows = read(get(SELECT, "", null).body(), ResultSetLang.RS_JSON).size();
    Map<String, Lang> formats = Map.of("json", ResultSetLang.RS_JSON, "xml", ResultSetLang.RS_XML,
        "csv", ResultSetLang.RS_CSV, "tsv", ResultSetLang.RS_TSV);
    formats.forEach((name, lang) -> {
      HttpResponse<String> byName = get(SELECT, "&format=" + name, null);
      assertEquals(200, byName.statusCode(), name);
      assertEquals(rows, read(byName.body(), lang).size(), name);
    });
    for (String type : new String[] {"application/sparql-results+xml", "text/csv", "text/tab-separated-values"}) {
      HttpResponse<String> byAccept = get(SELECT, "", type);
      assertTrue(byAccept.headers().firstValue("Content-Type").orElseThrow().startsWith(type), type);
    }
  }

  @Test
  void everyGraphFormatParsesWithJena() {
    Map<String, Lang> formats = Map.of("turtle", Lang.TURTLE, "ntriples", Lang.NTRIPLES, "jsonld", Lang.JSONLD,
        "rdfxml", Lang.RDFXML, "nquads", Lang.NQUADS, "trig", Lang.TRIG);
    long expected = -1;
    for (Map.Entry<String, Lang> format : formats.entrySet()) {
      HttpResponse<String> response = get(CONSTRUCT, "&format=" + format.getKey(), null);
      assertEquals(200, response.statusCode(), format.getKey());
      DatasetGraph parsed = DatasetGraphFactory.createTxnMem();
      RDFParser.fromString(response.body(), format.getValue()).parse(parsed);
      long size = parsed.getDefaultGraph().size() + parsed.getUnionGraph().size();
      assertTrue(size > 0, format.getKey());
      if (expected < 0) {
        expected = size;
      }
      assertEquals(expected, size, format.getKey() + " carries as many triples as the others");
    }
    assertTrue(get(CONSTRUCT, "", null).headers().firstValue("Content-Type").orElseThrow().startsWith("text/turtle"));
  }

  @Test
  void askAnswersInJsonOrXml() {
    String ask = "ASK { ?s a <http://www.w3.org/ns/dcat#CatalogRecord> }";
    assertTrue(readBoolean(get(ask, "", null).body(), ResultSetLang.RS_JSON));
    assertTrue(readBoolean(get(ask, "&format=xml", null).body(), ResultSetLang.RS_XML));
    assertFalse(readBoolean(get("ASK { ?s a <urn:nothing> }", "", null).body(), ResultSetLang.RS_JSON));
    assertEquals(406, get(ask, "&format=csv", null).statusCode());
  }

  @Test
  void contentNegotiationHonoursQValues() {
    assertType("application/sparql-results+xml", get(SELECT, "", "application/sparql-results+json;q=0.5, application/sparql-results+xml"));
    assertType("text/tab-separated-values", get(SELECT, "", "text/csv;q=0.2, text/tab-separated-values;q=0.8, */*;q=0.1"));
    assertType("application/sparql-results+json", get(SELECT, "", "*/*"));
    assertType("text/csv", get(SELECT, "", "text/*"));
    assertType("application/n-triples", get(CONSTRUCT, "", "application/n-triples, text/turtle;q=0.9"));
    assertType("application/ld+json", get(CONSTRUCT, "", "application/ld+json;q=1.0, text/turtle;q=0.3"));
    assertEquals(406, get(SELECT, "", "text/turtle;q=0, application/sparql-results+json;q=0, image/png").statusCode());
  }

  private static void assertType(String expected, HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith(expected),
        response.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(response.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")));
  }

  @Test
  void formatNamesAreCheckedAgainstTheQueryForm() {
    assertEquals(406, get(SELECT, "&format=turtle", null).statusCode());
    assertEquals(406, get(CONSTRUCT, "&format=json", null).statusCode());
    HttpResponse<String> unknown = get(SELECT, "&format=yaml", null);
    assertEquals(400, unknown.statusCode());
    assertTrue(unknown.body().contains("yaml"));
  }

  @Test
  void unparsableQueryIs400WithThePosition() {
    HttpResponse<String> response = get("SELECT ?s WHERE { ?s ?p }", "", null);
    assertEquals(400, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
    assertTrue(response.body().contains("line 1"), response.body());
  }

  @Test
  void postFormAndPostDirectBothWork() {
    HttpResponse<String> form = Http.post(endpoint, "application/x-www-form-urlencoded", "query=" + encode(SELECT));
    HttpResponse<String> direct = Http.post(endpoint, "application/sparql-query", SELECT);
    assertEquals(200, form.statusCode());
    assertEquals(200, direct.statusCode());
    assertEquals(read(form.body(), ResultSetLang.RS_JSON).size(), read(direct.body(), ResultSetLang.RS_JSON).size());
  }

  @Test
  void postWithoutQueryIs400AndWrongContentTypeIs415() {
    assertEquals(400, Http.post(endpoint, "application/x-www-form-urlencoded", "format=json").statusCode());
    assertEquals(400, Http.post(endpoint, "application/sparql-query", "").statusCode());
    assertEquals(415, Http.post(endpoint, "text/plain", SELECT).statusCode());
  }

  @Test
  void everyUpdatePathIs403AndChangesNothing() {
    String before = get(COUNT, "", null).body();
    String insert = "INSERT DATA { <urn:x> <urn:y> <urn:z> }";
    assertEquals(403, Http.get(endpoint + "?update=" + encode(insert), null).statusCode());
    assertEquals(403, Http.post(endpoint, "application/x-www-form-urlencoded", "update=" + encode(insert)).statusCode());
    assertEquals(403, Http.post(endpoint, "application/sparql-update", insert).statusCode());
    assertEquals(403, get(insert, "", null).statusCode());
    assertEquals(403, get("DROP ALL", "", null).statusCode());
    assertEquals(403, Http.post(endpoint, "application/sparql-query", "CLEAR DEFAULT").statusCode());
    assertEquals(before, get(COUNT, "", null).body());
  }

  @Test
  void serviceIsRefused() {
    HttpResponse<String> response = get("SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", "", null);
    assertEquals(400, response.statusCode());
  }

  @Test
  void timeoutStopsEvaluationAndAnswers503() {
    long start = System.nanoTime();
    HttpResponse<String> response = get(HEAVY, "", null);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(503, response.statusCode(), response.body());
    assertTrue(millis < 2000 + 2000, "answered after " + millis + " ms");
    assertEquals(200, get(SELECT, "", null).statusCode(), "a worker is free again");
  }

  @Test
  void serviceDescriptionAnswersGetWithoutQuery() {
    HttpResponse<String> turtle = Http.get(endpoint, null);
    assertEquals(200, turtle.statusCode());
    DatasetGraph parsed = DatasetGraphFactory.createTxnMem();
    RDFParser.fromString(turtle.body(), Lang.TURTLE).parse(parsed);
    assertTrue(turtle.body().contains("sparql-service-description"));
    assertTrue(turtle.body().contains(TestNode.BASE + "/sparql"));
    HttpResponse<String> jsonld = Http.get(endpoint, "application/ld+json");
    assertTrue(jsonld.headers().firstValue("Content-Type").orElseThrow().startsWith("application/ld+json"));
  }

  @Test
  void datasetParametersSelectAmongTheNodesGraphs() {
    String graph = TestNode.BASE + "/graph/source/protocol-test";
    String query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    String inSource = get(query, "&default-graph-uri=" + encode(graph), "text/csv").body();
    String inNothing = get(query, "&default-graph-uri=" + encode("https://elsewhere.example/graph"), "text/csv").body();
    assertFalse(inSource.contains("\n0"), inSource);
    assertTrue(inNothing.contains("\n0"), inNothing);
  }

  @Test
  void corsAllowsAnyOriginAndAnswersPreflight() {
    HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(endpoint + "?query=" + encode(SELECT)))
        .header("Origin", "https://app.example.net").GET());
    assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
    HttpResponse<String> preflight = Http.send(HttpRequest.newBuilder(URI.create(endpoint))
        .header("Origin", "https://app.example.net").header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "Content-Type")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertTrue(preflight.statusCode() == 204 || preflight.statusCode() == 200);
    assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow().contains("POST"));
  }

  @Test
  void jenaHttpClientReadsTheEndpoint() {
    try (var exec = QueryExecutionHTTP.service(endpoint).query(SELECT).build()) {
      assertTrue(exec.execSelect().hasNext());
    }
  }
}
