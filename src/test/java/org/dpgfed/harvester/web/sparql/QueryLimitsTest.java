package org.dpgfed.harvester.web.sparql;

import static org.dpgfed.harvester.testing.Http.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoint's limits against a running node: timeout, row cap, query length, concurrency and
 * the SERVICE allow-list (the per-client budget has a node of its own in {@link ClientBudgetTest}).
 */
class QueryLimitsTest {
  static final String RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }";
  static final String RUNAWAY_SORT = "SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o "
      + "FILTER(STRLEN(CONCAT(STR(?a), STR(?d), STR(?g), STR(?j), STR(?m))) < 0) } ORDER BY ?a";
  static final String PEER_RESULT = """
      {"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"uri","value":"https://peer.example/id/product/1"}}]}}""";
  static final long TIMEOUT_MILLIS = 2000;

  @TempDir static Path dir;
  static Vertx vertx;
  static FakeRegistry peers;
  static TestNode node;
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    peers = FakeRegistry.on(vertx);
    peers.serve("/peer/sparql", Answer.bytes("application/sparql-results+json", PEER_RESULT.getBytes(StandardCharsets.UTF_8)));
    peers.serve("/stranger/sparql", Answer.bytes("application/sparql-results+json", PEER_RESULT.getBytes(StandardCharsets.UTF_8)));
    Map<String, String> env = TestNode.environment(dir.resolve("data"));
    env.put("DPG_SPARQL_TIMEOUT", "PT2S");
    env.put("DPG_SPARQL_MAX_ROWS", "3");
    env.put("DPG_SPARQL_MAX_QUERY_LENGTH", "300");
    env.put("DPG_SPARQL_MAX_CONCURRENT", "1");
    env.put("DPG_SPARQL_FEDERATION_PEERS", peers.url("/peer/sparql"));
    node = TestNode.startHarvested(vertx, dir, "limits", env);
  }

  @AfterAll
  static void stop() {
    node.close();
    vertx.close();
  }

  static HttpResponse<String> get(String query) {
    return Http.get(node.url("/sparql?query=" + encode(query)), null);
  }

  static CompletableFuture<HttpResponse<String>> getAsync(String query) {
    return CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(node.url("/sparql?query=" + encode(query))))
        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static int rows(HttpResponse<String> response) {
    return ResultSetFactory.makeRewindable(ResultSetMgr.read(
        new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON)).size();
  }

  @Test
  void aRunawayQueryIsStoppedAndAnswers503SoonAfterTheTimeout() {
    for (String query : List.of(RUNAWAY, RUNAWAY_SORT)) {
      long start = System.nanoTime();
      HttpResponse<String> response = get(query);
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("timeout-to-503: %d ms after the %d ms timeout (%s)%n", millis - TIMEOUT_MILLIS, TIMEOUT_MILLIS,
          query.contains("ORDER BY") ? "sorting runaway" : "counting runaway");
      assertEquals(503, response.statusCode(), response.body());
      assertTrue(response.body().contains("sparql.timeout"), response.body());
      assertTrue(millis < TIMEOUT_MILLIS + 2000, "answered " + millis + " ms after the request");
      assertEquals(200, get("ASK { ?s ?p ?o }").statusCode(), "the only place (maxConcurrent 1) is free again");
    }
  }

  @Test
  void aSelectIsCutAtMaxRowsAndSaysSo() {
    HttpResponse<String> cut = get("SELECT * WHERE { ?s ?p ?o }");
    assertEquals(200, cut.statusCode());
    assertEquals(3, rows(cut));
    assertEquals("true", cut.headers().firstValue("X-Result-Truncated").orElseThrow());
    assertEquals("3", cut.headers().firstValue("X-Result-Limit").orElseThrow());
    HttpResponse<String> exact = get("SELECT ?x WHERE { VALUES ?x { 1 2 3 } }");
    assertEquals(3, rows(exact));
    assertEquals("false", exact.headers().firstValue("X-Result-Truncated").orElseThrow(), "exactly maxRows is not cut");
    HttpResponse<String> four = get("SELECT ?x WHERE { VALUES ?x { 1 2 3 4 } }");
    assertEquals(3, rows(four));
    assertEquals("true", four.headers().firstValue("X-Result-Truncated").orElseThrow());
    HttpResponse<String> limited = get("SELECT * WHERE { ?s ?p ?o } LIMIT 2");
    assertEquals(2, rows(limited));
    assertEquals("false", limited.headers().firstValue("X-Result-Truncated").orElseThrow());
    HttpResponse<String> csv = Http.get(node.url("/sparql?format=csv&query=" + encode("SELECT * WHERE { ?s ?p ?o }")), null);
    assertEquals(4, csv.body().strip().split("\r?\n").length, "a header line and three rows");
    assertEquals("true", csv.headers().firstValue("X-Result-Truncated").orElseThrow());
  }

  @Test
  void aQueryLongerThanMaxQueryLengthIs400() {
    String base = "SELECT * WHERE { ?s ?p ?o } LIMIT 1 #";
    String fits = base + "x".repeat(300 - base.length());
    assertEquals(200, get(fits).statusCode());
    HttpResponse<String> tooLong = get(fits + "x");
    assertEquals(400, tooLong.statusCode());
    assertTrue(tooLong.body().contains("sparql.maxQueryLength"), tooLong.body());
    assertEquals(400, Http.post(node.url("/sparql"), "application/sparql-query", fits + "x").statusCode());
    assertEquals(400, Http.post(node.url("/sparql"), "application/x-www-form-urlencoded", "query=" + encode(fits + "x")).statusCode());
  }

  @Test
  void beyondMaxConcurrentAQueryWaitsInLineAndGets503WhenItsTimeoutPassesThere() {
    CompletableFuture<HttpResponse<String>> first = getAsync(RUNAWAY);
    CompletableFuture<HttpResponse<String>> second = getAsync(RUNAWAY);
    List<HttpResponse<String>> answers = List.of(first.join(), second.join());
    for (HttpResponse<String> answer : answers) {
      assertEquals(503, answer.statusCode(), "a runaway query, evaluated or waiting for the only place, times out");
      assertTrue(answer.body().contains("sparql.timeout"), answer.body());
    }
    assertEquals(200, get("ASK { ?s ?p ?o }").statusCode(), "the place is free once the admitted query stopped");
  }

  @Test
  void serviceReachesOnlyTheListedPeers() {
    HttpResponse<String> allowed = get("SELECT ?s WHERE { SERVICE <" + peers.url("/peer/sparql") + "> { ?s ?p ?o } }");
    assertEquals(200, allowed.statusCode(), allowed.body());
    assertTrue(allowed.body().contains("https://peer.example/id/product/1"), allowed.body());
    assertTrue(peers.hits("/peer/sparql") >= 1);
    for (String query : List.of(
        "SELECT * WHERE { SERVICE <" + peers.url("/stranger/sparql") + "> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE SILENT <" + peers.url("/stranger/sparql") + "> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <" + peers.url("/stranger/sparql") + "> { ?s ?p ?o } } }",
        "SELECT * WHERE { BIND(<" + peers.url("/stranger/sparql") + "> AS ?e) SERVICE ?e { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE <" + peers.url("/peer/sparql") + "/> { ?s ?p ?o } }")) {
      HttpResponse<String> refused = get(query);
      assertEquals(400, refused.statusCode(), query);
      assertTrue(refused.body().contains("sparql.federationPeers"), refused.body());
    }
    assertEquals(0, peers.hits("/stranger/sparql"), "no connection to a host that is not a peer");
  }

  @Test
  void noHeaderSaysTruncatedOnAskOrConstruct() {
    HttpResponse<String> ask = get("ASK { ?s ?p ?o }");
    assertNull(ask.headers().firstValue("X-Result-Truncated").orElse(null));
    HttpResponse<String> construct = get("CONSTRUCT WHERE { ?s ?p ?o }");
    assertEquals(200, construct.statusCode());
    assertNotNull(construct.body());
    assertFalse(construct.headers().firstValue("X-Result-Truncated").isPresent());
  }
}
