package org.dpgfed.harvester.web.sparql;

import static org.dpgfed.harvester.testing.Http.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No request to /sparql changes the store: every update path answers 403 and the content stays the same. */
class ReadOnlyTest {
  static final String G = TestNode.BASE + "/graph/source/read-only";
  static final String DUMP = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g ?s ?p ?o";

  @TempDir static Path dir;
  static Vertx vertx;
  static FakeRegistry elsewhere;
  static TestNode node;
  static String endpoint;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    elsewhere = FakeRegistry.on(vertx);
    elsewhere.serveFile("/data.ttl", Path.of("src/test/resources/e2e/ke-registry.expected.ttl"));
    Map<String, String> env = TestNode.environment(dir.resolve("data"));
    env.put("DPG_SPARQL_MAX_ROWS", "1000000");
    node = TestNode.startHarvested(vertx, dir, "read-only", env);
    endpoint = node.url("/sparql");
  }

  @AfterAll
  static void stop() {
    node.close();
    vertx.close();
  }

  static List<String> updates() {
    String load = elsewhere.url("/data.ttl");
    return List.of(
        "INSERT DATA { <urn:x> <urn:y> <urn:z> }",
        "insert data { graph <" + G + "> { <urn:x> <urn:y> <urn:z> } }",
        "DELETE DATA { GRAPH <" + G + "> { <urn:x> <urn:y> <urn:z> } }",
        "DELETE WHERE { ?s ?p ?o }",
        "PREFIX dct: <http://purl.org/dc/terms/> DELETE { ?s dct:title ?t } INSERT { ?s dct:title \"x\" } WHERE { ?s dct:title ?t }",
        "WITH <" + G + "> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "INSERT { GRAPH <urn:copy> { ?s ?p ?o } } WHERE { ?s ?p ?o }",
        "LOAD <" + load + ">",
        "LOAD SILENT <" + load + "> INTO GRAPH <" + G + ">",
        "CLEAR ALL", "CLEAR DEFAULT", "CLEAR NAMED", "CLEAR GRAPH <" + G + ">",
        "DROP ALL", "DROP SILENT GRAPH <" + G + ">",
        "CREATE GRAPH <urn:new>", "CREATE SILENT GRAPH <" + G + ">",
        "ADD <" + G + "> TO <urn:other>", "MOVE <" + G + "> TO DEFAULT", "COPY DEFAULT TO <" + G + ">",
        "INSERT DATA { <urn:a> <urn:b> <urn:c> } ; DROP ALL");
  }

  /** Every way a client might send an update. */
  static List<Supplier<HttpResponse<String>>> attempts(String update) {
    List<Supplier<HttpResponse<String>>> attempts = new ArrayList<>();
    attempts.add(() -> Http.get(endpoint + "?update=" + encode(update), null));
    attempts.add(() -> Http.get(endpoint + "?query=" + encode(update), null));
    attempts.add(() -> Http.get(endpoint + "?query=" + encode("ASK {}") + "&update=" + encode(update), null));
    attempts.add(() -> Http.post(endpoint, "application/x-www-form-urlencoded", "update=" + encode(update)));
    attempts.add(() -> Http.post(endpoint, "application/x-www-form-urlencoded", "query=" + encode(update)));
    attempts.add(() -> Http.post(endpoint + "?update=" + encode(update), "application/sparql-query", "ASK {}"));
    attempts.add(() -> Http.post(endpoint, "application/sparql-update", update));
    attempts.add(() -> Http.post(endpoint, "application/sparql-update; charset=utf-8", update));
    attempts.add(() -> Http.post(endpoint, "APPLICATION/SPARQL-UPDATE", update));
    attempts.add(() -> Http.post(endpoint, "application/sparql-query", update));
    attempts.add(() -> Http.send(HttpRequest.newBuilder(URI.create(endpoint + "?update=" + encode(update)))
        .method("PUT", HttpRequest.BodyPublishers.ofString(update))));
    return attempts;
  }

  @Test
  void everyUpdateVariantIs403AndTheStoreIsUnchanged() {
    String before = Http.get(endpoint + "?format=csv&query=" + encode(DUMP), null).body();
    assertTrue(before.split("\n").length > 50, "the store holds the harvest");
    int tried = 0;
    for (String update : updates()) {
      for (Supplier<HttpResponse<String>> attempt : attempts(update)) {
        HttpResponse<String> response = attempt.get();
        int status = response.statusCode();
        assertTrue(status == 403 || status == 405 && response.request().method().equals("PUT"),
            update + " via " + response.request().method() + " " + response.request().uri() + ": " + status);
        tried++;
      }
    }
    assertEquals(updates().size() * 11, tried);
    assertEquals(before, Http.get(endpoint + "?format=csv&query=" + encode(DUMP), null).body());
    assertEquals(0, elsewhere.hits("/data.ttl"), "LOAD fetched nothing");
  }
}
