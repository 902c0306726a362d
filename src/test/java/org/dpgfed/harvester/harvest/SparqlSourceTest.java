package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code sparql} source: the node POSTs the source's CONSTRUCT to a real endpoint (Fuseki on
 * 127.0.0.1), reads the N-Triples it streams back, and keeps the body cap while doing so.
 */
class SparqlSourceTest {
  private static final int CAP = 200_000;
  private static final String DATA = """
      @prefix dcat: <http://www.w3.org/ns/dcat#> .
      @prefix dct: <http://purl.org/dc/terms/> .
      <http://data.example.org/d/malaria> a dcat:Dataset ; dct:title "Malaria cases"@en ; dct:identifier "malaria" ;
        dcat:keyword "health" ; dct:license <http://spdx.org/licenses/CC-BY-4.0> .
      <http://data.example.org/d/clinics> a dcat:Dataset ; dct:title "Clinics"@en ; dct:identifier "clinics" ;
        dcat:keyword "health" ; dct:license <http://spdx.org/licenses/CC0-1.0> .
      <http://data.example.org/d/roads> a dcat:Dataset ; dct:title "Roads"@en ; dct:identifier "roads" ;
        dcat:keyword "transport" ; dct:license <http://spdx.org/licenses/CC0-1.0> .
      """;
  private static final String QUERY = """
      PREFIX dcat: <http://www.w3.org/ns/dcat#>
      CONSTRUCT { ?d ?p ?o } WHERE { ?d a dcat:Dataset ; dcat:keyword "health" ; ?p ?o }""";

  @TempDir static Path dir;
  static Vertx vertx;
  static FusekiServer fuseki;
  static FakeRegistry registry;
  static TestNode node;

  @BeforeAll
  static void start() {
    DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
    RDFParser.fromString(DATA, Lang.TURTLE).parse(dataset);
    fuseki = FusekiServer.create().port(0).loopback(true).add("/ds", dataset, false).build().start();
    vertx = Vertx.vertx();
    registry = FakeRegistry.on(vertx);
    Map<String, String> env = TestNode.environment(dir);
    env.put("DPG_HARVEST_MAX_BODY_BYTES", String.valueOf(CAP));
    env.put("DPG_HARVEST_MAX_ATTEMPTS", "1");
    node = TestNode.start(vertx, null, env);
  }

  @AfterAll
  static void stop() {
    node.close();
    vertx.close();
    fuseki.stop();
  }

  @Test
  void harvestsWhatTheConstructSelectsAtARealEndpoint() {
    String endpoint = "http://127.0.0.1:" + fuseki.getHttpPort() + "/ds/query";
    JsonObject run = harvest("fuseki", endpoint);
    assertEquals("succeeded", run.getString("status"), run.encode());
    assertEquals(2, run.getInteger("records"), run.encode());
    String titles = Http.get(node.url("/sparql?query=" + Http.encode(
        "SELECT ?t WHERE { GRAPH <" + TestNode.BASE + "/graph/source/fuseki> { ?p <http://purl.org/dc/terms/title> ?t } }")),
        "text/csv").body();
    assertTrue(titles.contains("Malaria cases") && titles.contains("Clinics") && !titles.contains("Roads"), titles);
  }

  @Test
  void postsTheQueryAsASparqlQueryAndAsksForNTriples() {
    registry.serve("/posted", FakeRegistry.Answer.bytes("application/n-triples",
        ("<http://data.example.org/d/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Dataset> .\n"
            + "<http://data.example.org/d/x> <http://purl.org/dc/terms/title> \"X\"@en .\n").getBytes(StandardCharsets.UTF_8)));
    JsonObject run = harvest("posted", registry.url("/posted"));
    assertEquals("succeeded", run.getString("status"), run.encode());
    FakeRegistry.Seen seen = registry.requests("/posted").get(0);
    assertEquals("POST", seen.method());
    assertEquals("application/sparql-query", seen.headers().get("Content-Type"));
    assertTrue(seen.headers().get("Accept").startsWith("application/n-triples"), seen.headers().get("Accept"));
  }

  @Test
  void failsTheRunWhenTheStreamedResultOutgrowsTheCap() {
    StringBuilder big = new StringBuilder();
    for (int i = 0; big.length() <= 3 * CAP; i++) {
      big.append("<http://data.example.org/d/").append(i).append("> <http://purl.org/dc/terms/title> \"Dataset ")
          .append(i).append("\" .\n");
    }
    registry.serve("/big", FakeRegistry.Answer.bytes("application/n-triples", big.toString().getBytes(StandardCharsets.UTF_8)));
    JsonObject run = harvest("big", registry.url("/big"));
    assertEquals("failed", run.getString("status"), run.encode());
    assertTrue(run.getString("error").contains("harvest.maxBodyBytes"), run.getString("error"));
  }

  private static JsonObject harvest(String id, String endpoint) {
    return node.awaitRun(TestNode.firstRunId(node.register(new JsonObject().put("id", id).put("title", id)
        .put("url", endpoint).put("format", "sparql").put("query", QUERY))));
  }
}
