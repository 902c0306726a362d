package org.dpgfed.harvester.web.ld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node serves the shared vocabulary and its own health. */
class VocabHandlerTest {
  @TempDir static Path dir;
  static Vertx vertx;
  static TestNode node;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    node = TestNode.start(vertx, dir);
  }

  @AfterAll
  static void stop() {
    node.close();
    vertx.close();
  }

  @Test
  void servesTheVocabularyInTheFormatAskedFor() {
    HttpResponse<String> turtle = Http.get(node.url("/vocab"), null);
    assertEquals(200, turtle.statusCode());
    Graph fromTurtle = RDFParser.fromString(turtle.body(), Lang.TURTLE).toGraph();
    HttpResponse<String> jsonld = Http.get(node.url("/vocab"), "application/ld+json");
    assertTrue(jsonld.headers().firstValue("Content-Type").orElseThrow().startsWith("application/ld+json"));
    Graph fromJsonld = RDFParser.fromString(jsonld.body(), Lang.JSONLD).toGraph();
    assertTrue(fromTurtle.isIsomorphicWith(fromJsonld));
    assertTrue(turtle.body().contains("https://w3id.org/dpgfed/vocab#"));
    assertEquals(406, Http.get(node.url("/vocab"), "image/png").statusCode());
  }

  @Test
  void servesTheShapesAsTurtleAndTheContextAsJsonLd() throws java.io.IOException {
    HttpResponse<String> shapes = Http.get(node.url("/vocab/shapes"), null);
    assertEquals(200, shapes.statusCode());
    assertTrue(shapes.headers().firstValue("Content-Type").orElseThrow().startsWith("text/turtle"));
    Graph served = RDFParser.fromString(shapes.body(), Lang.TURTLE).toGraph();
    assertTrue(served.isIsomorphicWith(RDFParser.source(Path.of("vocab/shapes/dpg-shapes.ttl")).toGraph()));
    HttpResponse<String> context = Http.get(node.url("/vocab/context.jsonld"), null);
    assertEquals(200, context.statusCode());
    assertTrue(context.headers().firstValue("Content-Type").orElseThrow().startsWith("application/ld+json"));
    assertEquals(java.nio.file.Files.readString(Path.of("vocab/contexts/dpg.jsonld")), context.body());
    HttpResponse<String> fromPage = Http.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(node.url("/vocab/context.jsonld"))).header("Origin", "https://app.example").GET());
    assertEquals("*", fromPage.headers().firstValue("Access-Control-Allow-Origin").orElse(""),
        "browsers' JSON-LD processors may fetch the context");
  }

  @Test
  void healthSaysTheStoreAnswers() {
    HttpResponse<String> health = Http.get(node.url("/health"), null);
    assertEquals(200, health.statusCode());
    assertTrue(health.body().contains("\"up\""));
  }

  @Test
  void bodiesOverTheCapAre413() {
    String big = "query=" + "x".repeat(1_100_000);
    assertEquals(413, Http.post(node.url("/sparql"), "application/x-www-form-urlencoded", big).statusCode());
    HttpResponse<String> api = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.url("/api/sources")))
        .header("Authorization", "Bearer " + TestNode.ADMIN).header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"title\":\"" + "x".repeat(1_100_000) + "\"}")));
    assertEquals(413, api.statusCode());
    assertTrue(api.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
  }
}
