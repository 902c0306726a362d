package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same hand-made sources, one of each format, harvested in shuffled orders into fresh nodes:
 * every order gives the same products with the same keys; a product IRI that lost a merge on the
 * way answers 301 to its winner.
 */
class ReconciliationOrderTest {
  private static final Path FIXTURES = Path.of("src/test/resources/harvest/reconcile");
  private static final String RECORD = TestNode.BASE + "/id/record/";
  /** id, format, file, content type. */
  private static final List<List<String>> SOURCES = List.of(
      List.of("dpga", "dpga-json", "dpga.json", "application/json"),
      List.of("pa-alpha", "publiccode-yaml", "alpha-publiccode.yml", "application/yaml"),
      List.of("catalogue", "publiccode-catalog", "catalog.json", "application/json"),
      List.of("agency", "code-json", "code.json", "application/json"),
      List.of("portal", "rdf", "gamma.ttl", "text/turtle"));

  @TempDir static Path dir;
  static Vertx vertx;
  static FakeRegistry registry;

  @BeforeAll
  static void serveTheSources() throws IOException {
    vertx = Vertx.vertx();
    registry = FakeRegistry.on(vertx);
    for (List<String> s : SOURCES) {
      registry.serve("/" + s.get(2), FakeRegistry.Answer.bytes(s.get(3), Files.readAllBytes(FIXTURES.resolve(s.get(2)))));
    }
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  @Test
  void everyOrderGivesTheSameProductsAndKeys() {
    List<List<List<String>>> orders = new ArrayList<>(List.of(SOURCES, reversed(SOURCES)));
    Random random = new Random(20261128L);
    for (int i = 0; i < 2; i++) {
      List<List<String>> shuffled = new ArrayList<>(SOURCES);
      Collections.shuffle(shuffled, random);
      orders.add(shuffled);
    }
    Map<String, String> first = null;
    Map<String, String> firstRules = null;
    int losers = 0;
    for (int i = 0; i < orders.size(); i++) {
      Outcome outcome = harvestInOrder(orders.get(i), dir.resolve("order-" + i));
      if (first == null) {
        first = outcome.products();
        firstRules = outcome.rules();
      }
      List<String> ids = orders.get(i).stream().map(s -> s.get(0)).toList();
      assertEquals(first, outcome.products(), "products, order " + ids);
      assertEquals(firstRules, outcome.rules(), "match rules, order " + ids);
      losers += outcome.losers();
    }
    assertTrue(losers > 0, "some order merged a product that was already minted");
    assertExpectedGroups(first);
    assertEquals("match-repository", firstRules.get("dpga/alpha"));
    assertEquals("match-alias", firstRules.get("dpga/beta"));
    assertEquals("match-alias", firstRules.get("catalogue/item-beta"));
    assertEquals("match-website", firstRules.get("dpga/gamma"));
    assertEquals("match-repository", firstRules.get("catalogue/item-epsilon"));
    assertEquals("match-none", firstRules.get("dpga/lonely"));
    assertEquals("match-name", firstRules.get("dpga/zeta"));
    assertEquals("match-name", firstRules.get("catalogue/item-zeta"));
    assertEquals("match-organisation", firstRules.get("dpga/eta"));
    assertEquals("match-none", firstRules.get("dpga/eta-tools"));
    assertEquals("match-none", firstRules.get("dpga/registry"));
    assertEquals("match-none", firstRules.get("catalogue/item-registry"));
    assertEquals(1, firstRules.entrySet().stream().filter(e -> e.getKey().startsWith("agency/")
        && e.getValue().equals("match-organisation")).count(), "the agency's account-only Eta, not Kappa");
  }

  /**
   * The products the fixtures describe: records of other sources joined to DPGA's; Lonely stays
   * alone; so do two products called Registry by different organisations, and Kappa, whose
   * account-only repository holds no product of its name.
   */
  private static void assertExpectedGroups(Map<String, String> products) {
    assertEquals(19, products.size(), products.toString());
    assertEquals(11, new HashSet<>(products.values()).size(), products.toString());
    assertEquals(List.of("agency", "dpga", "pa-alpha"), sourcesOf(products, "dpga/alpha"));
    assertEquals(List.of("catalogue", "dpga"), sourcesOf(products, "dpga/beta"), "through the catalogue's alias");
    assertEquals(List.of("dpga", "portal"), sourcesOf(products, "dpga/gamma"), "through the website");
    assertEquals(List.of("agency", "catalogue", "dpga"), sourcesOf(products, "dpga/delta"), "through either repository");
    assertEquals(List.of("dpga"), sourcesOf(products, "dpga/lonely"));
    assertEquals(List.of("catalogue", "dpga"), sourcesOf(products, "dpga/zeta"), "through name and website host");
    assertEquals(List.of("agency", "dpga"), sourcesOf(products, "dpga/eta"), "through the account and the name");
    assertEquals(List.of("dpga"), sourcesOf(products, "dpga/eta-tools"));
    assertEquals(List.of("dpga"), sourcesOf(products, "dpga/registry"), "a generic name alone never merges");
    assertEquals(List.of("catalogue"), sourcesOf(products, "catalogue/item-registry"));
  }

  private static List<String> sourcesOf(Map<String, String> products, String anchor) {
    return products.entrySet().stream().filter(e -> e.getValue().equals(products.get(anchor)))
        .map(e -> e.getKey().split("/")[0]).sorted().toList();
  }

  private record Outcome(Map<String, String> products, Map<String, String> rules, int losers) {}

  private static Outcome harvestInOrder(List<List<String>> order, Path data) {
    Map<String, String> ever = new HashMap<>();
    try (TestNode node = TestNode.start(vertx, data)) {
      for (List<String> s : order) {
        JsonObject run = node.awaitRun(TestNode.firstRunId(node.register(new JsonObject().put("id", s.get(0))
            .put("title", s.get(0)).put("url", registry.url("/" + s.get(2))).put("format", s.get(1)))));
        assertEquals("succeeded", run.getString("status"), run.encode());
        products(node).forEach((record, product) -> ever.put(product, record));
      }
      Map<String, String> now = products(node);
      int losers = 0;
      for (String product : ever.keySet()) {
        if (!now.containsValue(product)) {
          HttpResponse<String> answer = get(node.url(product.substring(TestNode.BASE.length())));
          assertEquals(301, answer.statusCode(), product + " lost a merge");
          String winner = answer.headers().firstValue("Location").orElseThrow();
          assertTrue(now.containsValue(winner), winner + " is a current product");
          assertTrue(ask(node, "ASK { <" + winner + "> <http://www.w3.org/2002/07/owl#sameAs> <" + product + "> }"));
          losers++;
        }
      }
      return new Outcome(now, rules(node), losers);
    }
  }

  /** Each record (its IRI after /id/record/) and its product. */
  private static Map<String, String> products(TestNode node) {
    Map<String, String> products = new TreeMap<>();
    String query = "SELECT ?r ?p WHERE { GRAPH ?g { ?r <http://xmlns.com/foaf/0.1/primaryTopic> ?p } }";
    try (QueryExecution q = QueryExecutionHTTP.service(node.url("/sparql")).query(query).build()) {
      ResultSet rows = q.execSelect();
      while (rows.hasNext()) {
        QuerySolution row = rows.next();
        products.put(row.getResource("r").getURI().substring(RECORD.length()), row.getResource("p").getURI());
      }
    }
    return products;
  }

  /** Each record and the local name of the rule that matched it. */
  private static Map<String, String> rules(TestNode node) {
    Map<String, String> rules = new TreeMap<>();
    String query = "SELECT ?r ?rule WHERE { GRAPH ?g { ?r <https://w3id.org/dpgfed/vocab#matchedBy> ?rule } }";
    try (QueryExecution q = QueryExecutionHTTP.service(node.url("/sparql")).query(query).build()) {
      q.execSelect().forEachRemaining(row -> rules.put(row.getResource("r").getURI().substring(RECORD.length()),
          row.getResource("rule").getLocalName()));
    }
    return rules;
  }

  private static boolean ask(TestNode node, String query) {
    try (QueryExecution q = QueryExecutionHTTP.service(node.url("/sparql")).query(query).build()) {
      return q.execAsk();
    }
  }

  private static HttpResponse<String> get(String url) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(java.net.URI.create(url))
          .header("Accept", "text/turtle").GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }
}
