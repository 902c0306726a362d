package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources run at registration and then every schedule, one run at a time, none holding up another. */
class SchedulerTest {
  private static final Path V1 = Path.of("src/test/resources/e2e/registry-v1.json");

  @TempDir static Path dir;
  static Vertx vertx;
  static FakeRegistry registry;
  static TestNode node;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    registry = FakeRegistry.on(vertx);
    Map<String, String> env = TestNode.environment(dir);
    env.put("DPG_HARVEST_FIRST_BYTE_TIMEOUT", "PT20S");
    env.put("DPG_HARVEST_MAX_ATTEMPTS", "1");
    node = TestNode.start(vertx, null, env);
  }

  @AfterAll
  static void stop() {
    node.close();
    vertx.close();
  }

  private static JsonObject source(String id, String path, String schedule) {
    return new JsonObject().put("id", id).put("title", id).put("url", registry.url(path))
        .put("format", "dpga-json").put("schedule", schedule);
  }

  private static JsonObject get(String id) {
    return TestNode.await(node.client().get("/api/sources/" + id).send()).bodyAsJsonObject();
  }

  @Test
  void harvestsAtRegistrationAndThenEverySchedule() {
    registry.serveFile("/periodic", V1);
    JsonObject registered = node.register(source("periodic", "/periodic", "PT1S"));
    assertNotNull(registered.getJsonObject("status").getJsonObject("lastRun"), "the first run starts at registration");
    TestNode.await(registry.awaitHits("/periodic", 3));
    JsonObject status = get("periodic").getJsonObject("status");
    assertNotNull(status.getString("nextRunAt"));
    TestNode.await(node.client().delete("/api/sources/periodic").bearerTokenAuthentication(TestNode.ADMIN).send());
  }

  @Test
  void aManualSourceRunsOnceAtRegistrationAndThenOnlyWhenAsked() {
    registry.serveFile("/manual", V1);
    JsonObject run = node.awaitRun(TestNode.firstRunId(node.register(source("manual", "/manual", "manual"))));
    assertEquals("succeeded", run.getString("status"));
    assertNull(get("manual").getJsonObject("status").getString("nextRunAt"));
    assertEquals("unchanged", node.harvest("manual").getString("status"), "same content, no store write");
    assertEquals(2, registry.hits("/manual"));
  }

  @Test
  void aDisabledSourceNeverRuns() {
    registry.serveFile("/disabled", V1);
    JsonObject registered = node.register(source("disabled", "/disabled", "PT1S").put("enabled", false));
    assertNull(registered.getJsonObject("status").getJsonObject("lastRun"));
    assertNull(registered.getJsonObject("status").getString("nextRunAt"));
    assertEquals(0, registry.hits("/disabled"));
  }

  @Test
  void aSlowSourceNeverDelaysAnotherAndRunsOneAtATime() {
    registry.serve("/slow", Answer.silence()).serveFile("/quick", V1);
    String slowRun = TestNode.firstRunId(node.register(source("slow", "/slow", "PT1H")));
    TestNode.await(registry.awaitHits("/slow", 1));
    JsonObject quick = node.awaitRun(TestNode.firstRunId(node.register(source("quick", "/quick", "PT1H"))));
    assertEquals("succeeded", quick.getString("status"));
    JsonObject slow = TestNode.await(node.client().get("/api/runs/" + slowRun).send()).bodyAsJsonObject();
    assertEquals("running", slow.getString("status"), "the slow source is still waiting for its first byte");
    JsonObject again = TestNode.await(node.client().post("/api/sources/slow/harvest")
        .bearerTokenAuthentication(TestNode.ADMIN).send()).bodyAsJsonObject();
    assertEquals(slowRun, again.getString("id"), "a trigger during a run answers the running run");
    assertEquals(1, registry.hits("/slow"));
    assertTrue(again.getString("status").matches("queued|running"));
  }
}
