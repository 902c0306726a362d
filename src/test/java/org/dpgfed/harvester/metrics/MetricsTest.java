package org.dpgfed.harvester.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /metrics in Prometheus text: HTTP, harvest, SPARQL, store, JVM and stale-source meters, moving as the node works. */
class MetricsTest {
  private static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
  /** A cross product of the whole store with itself, six times over: far longer than a second. */
  private static final String ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o . ?q ?r ?t }";

  @TempDir Path dir;
  NodeMetrics metrics;
  Vertx vertx;
  FakeRegistry registry;

  @BeforeEach
  void start() {
    metrics = new NodeMetrics();
    vertx = metrics.vertx();
    registry = FakeRegistry.deploy(vertx);
  }

  @AfterEach
  void stop() {
    vertx.close();
  }

  private TestNode node(Map<String, String> extra) {
    Map<String, String> env = TestNode.environment(dir);
    env.putAll(extra);
    return TestNode.startWithMetrics(vertx, metrics, env);
  }

  private JsonObject source() {
    return new JsonObject().put("id", "ke-registry").put("title", "Kenya registry").put("url", registry.url("/dpgs"))
        .put("format", "dpga-json").put("schedule", "PT6H");
  }

  @Test
  void metricsMoveAfterAHarvestAndAQuery() {
    try (TestNode node = node(Map.of())) {
      String before = node.getText("/metrics");
      assertTrue(Double.isNaN(Prometheus.value(before, "dpg_harvest_runs_total", "source=\"ke-registry\"")));
      JsonObject run = node.awaitRun(TestNode.firstRunId(node.register(source())));
      assertEquals("succeeded", run.getString("status"));
      assertEquals(200, Http.get(node.url("/sparql?query=" + Http.encode(COUNT)), null).statusCode());
      String after = node.getText("/metrics");

      assertEquals(1.0, Prometheus.value(after, "dpg_harvest_runs_total", "source=\"ke-registry\"", "status=\"succeeded\""));
      assertEquals((double) run.getInteger("records"), Prometheus.value(after, "dpg_harvest_run_records_sum", "source=\"ke-registry\""));
      assertEquals((double) run.getLong("triples"), Prometheus.value(after, "dpg_harvest_run_triples_sum", "source=\"ke-registry\""));
      assertEquals(1.0, Prometheus.value(after, "dpg_harvest_run_duration_seconds_count", "source=\"ke-registry\""));
      assertEquals(1.0, Prometheus.value(after, "dpg_sparql_query_duration_seconds_count", "outcome=\"ok\""));
      assertEquals(1.0, Prometheus.value(after, "dpg_sparql_query_duration_seconds_bucket", "outcome=\"ok\"", "le=\"+Inf\""));
      assertEquals(1.0, Prometheus.value(after, "vertx_http_server_requests_total", "route=\"/sparql", "/sparql\"", "code=\"200\""));
      assertTrue(Prometheus.value(after, "vertx_http_server_requests_total", "/api/sources\"", "code=\"201\"") >= 1);
      assertTrue(Prometheus.value(after, "dpg_store_triples") >= run.getLong("triples"));
      assertTrue(Prometheus.value(after, "dpg_store_triples") > Prometheus.value(before, "dpg_store_triples"));
      assertTrue(Prometheus.value(after, "dpg_store_disk_bytes") > 0);
      assertEquals(1.0, Prometheus.value(after, "dpg_sources"));
      assertEquals(0.0, Prometheus.value(after, "dpg_sources_stale"));
      assertEquals(0.0, Prometheus.value(after, "dpg_source_stale", "source=\"ke-registry\""));
      assertTrue(Prometheus.value(after, "jvm_memory_used_bytes", "area=\"heap\"") > 0);
      assertTrue(after.contains("jvm_gc_"), "GC meters are bound");
    }
  }

  @Test
  void countsAQueryThatTimedOut() {
    try (TestNode node = node(Map.of("DPG_SPARQL_TIMEOUT", "PT1S"))) {
      node.awaitRun(TestNode.firstRunId(node.register(source())));
      int status = Http.get(node.url("/sparql?query=" + Http.encode(ENDLESS)), null).statusCode();
      assertTrue(status >= 500, "the query outlived sparql.timeout: " + status);
      String text = node.getText("/metrics");
      assertEquals(1.0, Prometheus.value(text, "dpg_sparql_timeouts_total"));
      assertEquals(1.0, Prometheus.value(text, "dpg_sparql_query_duration_seconds_count", "outcome=\"timeout\""));
    }
  }
}
