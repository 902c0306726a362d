package org.dpgfed.harvester.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.dpgfed.harvester.Main;
import org.dpgfed.harvester.Node;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.config.ConfigLoader;
import org.dpgfed.harvester.metrics.NodeMetrics;
import org.dpgfed.harvester.metrics.Prometheus;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Liveness, readiness (not before the store is open) and stale sources in the readiness detail. */
class HealthTest {
  @TempDir Path dir;
  Vertx vertx;
  FakeRegistry registry;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    registry = FakeRegistry.deploy(vertx);
    registry.serveFile("/fresh", Path.of("src/test/resources/e2e/registry-v1.json"));
  }

  @AfterEach
  void stop() {
    vertx.close();
  }

  private static JsonObject source(String id, String url, String schedule) {
    return new JsonObject().put("id", id).put("title", id).put("url", url).put("format", "dpga-json").put("schedule", schedule);
  }

  @Test
  void isNotReadyUntilTheStoreIsOpen() {
    Config config = ConfigLoader.load(null, TestNode.environment(dir));
    Main.Listening listening = TestNode.await(Main.listen(vertx, config));
    String base = "http://127.0.0.1:" + listening.server().actualPort();
    HttpResponse<String> starting = Http.get(base + "/health/ready", null);
    assertEquals(503, starting.statusCode());
    assertEquals("starting", new JsonObject(starting.body()).getString("status"));
    assertEquals(503, Http.get(base + "/health", null).statusCode());
    assertEquals(503, Http.get(base + "/api/sources", null).statusCode());

    Node node = TestNode.await(listening.open(config, new NodeMetrics(), token -> { }));
    try {
      HttpResponse<String> ready = Http.get(base + "/health/ready", null);
      assertEquals(200, ready.statusCode(), ready.body());
      JsonObject body = new JsonObject(ready.body());
      assertTrue(body.getBoolean("ready"));
      assertEquals("running", body.getString("scheduler"));
      assertEquals(new JsonArray(), body.getJsonArray("staleSources"));
      assertEquals(200, Http.get(base + "/health", null).statusCode());
    } finally {
      TestNode.await(node.close());
    }
    assertFalse(listening.gate().isOpen(), "a closed node's gate refuses requests");
  }

  @Test
  void listsASourceThatFailsTooOftenAsStaleWithoutBecomingUnready() {
    Map<String, String> env = TestNode.environment(dir);
    env.put("DPG_HARVEST_STALE_AFTER_FAILURES", "1");
    env.put("DPG_HARVEST_MAX_ATTEMPTS", "1");
    registry.serve("/broken", FakeRegistry.Answer.status(500));
    try (TestNode node = TestNode.start(vertx, null, env)) {
      node.awaitRun(TestNode.firstRunId(node.register(source("broken", registry.url("/broken"), "PT6H"))));
      node.awaitRun(TestNode.firstRunId(node.register(source("fresh", registry.url("/fresh"), "PT6H"))));
      assertStale(node, "broken", "fresh");
    }
  }

  @Test
  void flagsASourceStaleWhenItsLastSuccessIsOlderThanItsSchedulesAllow() {
    Map<String, String> env = TestNode.environment(dir);
    env.put("DPG_HARVEST_STALE_AFTER_FAILURES", "1000");
    env.put("DPG_HARVEST_STALE_AFTER_SCHEDULES", "1");
    env.put("DPG_HARVEST_MAX_ATTEMPTS", "1");
    try (TestNode node = TestNode.start(vertx, null, env)) {
      JsonObject run = node.awaitRun(TestNode.firstRunId(node.register(source("flaky", registry.url("/dpgs"), "PT1S"))));
      assertEquals("succeeded", run.getString("status"));
      node.awaitRun(TestNode.firstRunId(node.register(source("fresh", registry.url("/fresh"), "PT6H"))));
      registry.serve("/dpgs", FakeRegistry.Answer.status(500));
      // three more scheduled runs, one a second, all failing: the last success is over two schedules old
      TestNode.await(registry.awaitHits("/dpgs", 4));
      assertStale(node, "flaky", "fresh");
    }
  }

  private static void assertStale(TestNode node, String stale, String fresh) {
    JsonObject ready = new JsonObject(node.getText("/health/ready"));
    assertTrue(ready.getBoolean("ready"), "stale sources do not make the node unready");
    JsonArray listed = ready.getJsonArray("staleSources");
    assertEquals(1, listed.size(), listed.encode());
    assertEquals(stale, listed.getJsonObject(0).getString("id"));
    assertTrue(new JsonObject(node.getText("/api/sources/" + stale)).getJsonObject("status").getBoolean("stale"));
    assertFalse(new JsonObject(node.getText("/api/sources/" + fresh)).getJsonObject("status").getBoolean("stale"));
    String metrics = node.getText("/metrics");
    assertEquals(1.0, Prometheus.value(metrics, "dpg_sources_stale"));
    assertEquals(1.0, Prometheus.value(metrics, "dpg_source_stale", "source=\"" + stale + "\""));
    assertEquals(0.0, Prometheus.value(metrics, "dpg_source_stale", "source=\"" + fresh + "\""));
  }
}
