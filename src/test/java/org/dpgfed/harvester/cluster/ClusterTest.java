package org.dpgfed.harvester.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.config.ConfigLoader;
import org.dpgfed.harvester.testing.ChildNode;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestFuseki;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes, one Fuseki: node A in a child JVM (so it can be killed), node B in this JVM, joined
 * over TCP-IP on 127.0.0.1. Sources registered on B are scheduled on both; each tick is served
 * by one node only, and once A is killed, B harvests every source.
 */
class ClusterTest {
  private static final Duration PERIOD = Duration.ofSeconds(3);
  private static final List<String> SOURCES = List.of("alpha", "beta");

  @TempDir Path dir;
  Vertx local;
  Vertx clustered;
  ChildNode a;
  TestNode b;

  @AfterEach
  void stop() {
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
    if (clustered != null) {
      TestNode.await(clustered.close());
    }
    local.close();
  }

  @Test
  void eachTickIsServedOnceAndAKilledNodesSourcesGoToTheOther() throws Exception {
    local = Vertx.vertx();
    FakeRegistry registry = FakeRegistry.on(local);
    SOURCES.forEach(id -> registry.serveFile("/" + id, Path.of("src/test/resources/e2e/registry-v1.json")));
    String dataset = TestFuseki.newDataset();
    int portA = freePort();
    int portB = freePort();
    a = ChildNode.start(emptyConfig(), settings("a", dataset, portA, portB));
    a.url("/");
    Map<String, String> envB = settings("b", dataset, portB, portA);
    Config.Cluster cluster = ConfigLoader.load(null, envB).cluster();
    clustered = TestNode.await(ClusterSetup.start(Vertx.builder().with(ClusterSetup.options(cluster)), cluster));
    b = TestNode.start(clustered, null, envB);

    for (String id : SOURCES) {
      b.register(new JsonObject().put("id", id).put("title", id).put("url", registry.url("/" + id))
          .put("format", "dpga-json").put("schedule", PERIOD.toString()));
    }
    for (String id : SOURCES) {
      TestNode.await(registry.awaitHits("/" + id, 3));
    }
    assertServedOncePerTick();
    Map<String, Set<String>> listedByA = new HashMap<>();
    for (String id : SOURCES) {
      listedByA.put(id, runIds(Http.get(a.url("/api/sources/" + id + "/runs"), null).body()));
    }

    a.kill();
    for (String id : SOURCES) {
      TestNode.await(registry.awaitHits("/" + id, registry.hits("/" + id) + 2));
      JsonObject last = b.awaitRun(b.source(id).getJsonObject("status").getJsonObject("lastRun").getString("id"));
      assertTrue(last.getString("status").matches("succeeded|unchanged"), id + " is harvested by the node left: " + last);
      Set<String> listedByB = runIds(b.getText("/api/sources/" + id + "/runs"));
      assertTrue(listedByB.containsAll(listedByA.get(id)), id + ": node B lists every run, node A's too: " + listedByB
          + " lacks some of " + listedByA.get(id));
    }
    assertServedOncePerTick();
  }

  private static Set<String> runIds(String page) {
    return new JsonObject(page).getJsonArray("items").stream().map(item -> ((JsonObject) item).getString("id"))
        .collect(Collectors.toSet());
  }

  /**
   * No two runs of a source, whichever node ran them, started less than half a period apart in the
   * store's run history: a tick served twice would be. (Fetch times are no measure: a run slowed
   * down may fetch late, close to the start of the next tick's run.)
   */
  private void assertServedOncePerTick() {
    for (String id : SOURCES) {
      List<Instant> starts = new JsonObject(b.getText("/api/sources/" + id + "/runs?limit=100")).getJsonArray("items")
          .stream().map(item -> Instant.parse(((JsonObject) item).getString("startedAt"))).sorted().toList();
      for (int i = 1; i < starts.size(); i++) {
        Duration gap = Duration.between(starts.get(i - 1), starts.get(i));
        assertTrue(gap.compareTo(PERIOD.dividedBy(2).minusMillis(1)) > 0,
            id + " ran twice in one tick (started " + gap + " apart): " + starts + "; node A said: " + a.lines());
      }
    }
  }

  private Map<String, String> settings(String name, String dataset, int port, int other) {
    Map<String, String> env = TestNode.environment(dir.resolve(name));
    env.putAll(TestFuseki.storeSettings(dataset));
    env.put("DPG_CLUSTER_ENABLED", "true");
    env.put("DPG_CLUSTER_HOST", "127.0.0.1");
    env.put("DPG_CLUSTER_PORT", String.valueOf(port));
    env.put("DPG_CLUSTER_MEMBERS", "127.0.0.1:" + other);
    env.put("DPG_CLUSTER_MEMBER_TIMEOUT", "PT3S");
    return env;
  }

  private Path emptyConfig() throws IOException {
    Path config = dir.resolve("node-a.yaml");
    Files.writeString(config, "node:\n  title: node A\n");
    return config;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
