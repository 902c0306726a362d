package org.dpgfed.harvester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dpgfed.harvester.testing.ChildNode;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM to a node in its own JVM: it exits 0 in time, and its store is consistent on restart. */
class ShutdownTest {
  private static final String ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o . ?q ?r ?t . ?u ?v ?w }";
  private static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";

  @TempDir Path tmp;
  Vertx vertx;
  FakeRegistry registry;
  Path dataDir;
  Path config;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    registry = FakeRegistry.deploy(vertx);
    registry.serve("/hang", FakeRegistry.Answer.silence());
    dataDir = tmp.resolve("data");
    config = tmp.resolve("node.yaml");
    Files.writeString(config, "node:\n  title: shutdown test node\n");
  }

  @AfterEach
  void stop() {
    vertx.close();
  }

  private Map<String, String> env(String shutdownTimeout) {
    Map<String, String> env = new HashMap<>(TestNode.environment(dataDir));
    env.put("DPG_LOG_FORMAT", "json");
    env.put("DPG_NODE_SHUTDOWN_TIMEOUT", shutdownTimeout);
    env.put("DPG_SPARQL_TIMEOUT", "PT2M");
    env.put("DPG_HARVEST_FIRST_BYTE_TIMEOUT", "PT5M");
    return env;
  }

  private static JsonObject register(String node, String id, String url) {
    String body = new JsonObject().put("id", id).put("title", id).put("url", url).put("format", "dpga-json")
        .put("schedule", "PT6H").encode();
    var response = Http.send(HttpRequest.newBuilder(URI.create(node + "/api/sources")).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + TestNode.ADMIN).POST(HttpRequest.BodyPublishers.ofString(body)));
    assertEquals(201, response.statusCode(), response.body());
    return new JsonObject(response.body());
  }

  private static long count(String node) {
    var response = Http.get(node + "/sparql?query=" + Http.encode(COUNT), "text/csv");
    assertEquals(200, response.statusCode(), response.body());
    return Long.parseLong(response.body().lines().skip(1).findFirst().orElseThrow().trim());
  }

  @Test
  void sigtermDuringAHarvestEndsTheRunFailedAndExitsZero() throws Exception {
    try (ChildNode child = ChildNode.start(config, env("PT20S"))) {
      register(child.url(""), "slow", registry.url("/hang"));
      TestNode.await(registry.awaitHits("/hang", 1));
      assertEquals(0, child.terminate(), String.join("\n", child.lines()));
      List<JsonObject> logs = child.lines().stream().map(JsonObject::new).toList(); // every line is one JSON object
      JsonObject started = logs.stream().filter(l -> "run started".equals(l.getString("formattedMessage"))).findFirst().orElseThrow();
      assertEquals("slow", started.getJsonObject("mdc").getString("sourceId"));
      assertTrue(started.getJsonObject("mdc").getString("runId").length() > 10, started.encode());
    }
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      JsonObject run = new JsonObject(node.getText("/api/sources/slow/runs")).getJsonArray("items").getJsonObject(0);
      assertEquals("failed", run.getString("status"));
      assertTrue(run.getString("error").startsWith("shutdown"), run.encode());
      String graph = "ASK { GRAPH <" + TestNode.BASE + "/graph/source/slow> { ?s ?p ?o } }";
      assertTrue(Http.get(node.url("/sparql?query=" + Http.encode(graph)), null).body().contains("false"), "nothing half-written");
    }
  }

  @Test
  void sigtermDuringALongQueryStopsItAndExitsZeroWithinTheTimeout() throws Exception {
    long triples;
    long elapsed;
    try (ChildNode child = ChildNode.start(config, env("PT6S"))) {
      String node = child.url("");
      String runId = register(node, "ke-registry", registry.url("/dpgs")).getJsonObject("status").getJsonObject("lastRun").getString("id");
      assertEquals("succeeded", new JsonObject(Http.get(node + "/api/runs/" + runId + "?wait=PT1M", null).body()).getString("status"));
      triples = count(node);
      try (Socket query = new Socket("127.0.0.1", URI.create(node).getPort())) {
        OutputStream out = query.getOutputStream();
        out.write(("GET /sparql?query=" + Http.encode(ENDLESS) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertEquals(200, Http.get(node + "/health", null).statusCode()); // the query went in before this answer
        long start = System.nanoTime();
        assertEquals(0, child.terminate(), String.join("\n", child.lines()));
        elapsed = (System.nanoTime() - start) / 1_000_000;
      }
    }
    assertTrue(elapsed >= 2_000, "the node gave the running query about half its shutdown time: " + elapsed + " ms");
    assertTrue(elapsed < 30_000, "and stopped it: " + elapsed + " ms");
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      assertEquals(triples, count(node.url("")), "the store is as it was");
    }
  }
}
