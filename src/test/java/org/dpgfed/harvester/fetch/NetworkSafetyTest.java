package org.dpgfed.harvester.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.dpgfed.harvester.testing.BreakingSource;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;
import org.dpgfed.harvester.testing.HarvestBench;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * With harvest.allowPrivateNetworks false, loopback is refused at registration and at every
 * redirect. The fake registry's own 127.0.0.1 is exempted by name (harvest.allowedHosts) so that
 * a redirect to "localhost" can be seen refused; no traffic leaves the loopback interface.
 */
class NetworkSafetyTest {
  @RegisterExtension static HarvestBench bench = HarvestBench.perClass(Map.of(
      "DPG_ALLOW_PRIVATE_NETWORKS", "false", "DPG_HARVEST_ALLOWED_HOSTS", "127.0.0.1"));

  private static HttpResponse<Buffer> register(String id, String url) {
    JsonObject source = new JsonObject().put("id", id).put("title", id).put("url", url).put("format", "dpga-json");
    return TestNode.await(bench.node().client().post("/api/sources").bearerTokenAuthentication(TestNode.ADMIN).sendJsonObject(source));
  }

  @Test
  void refusesToRegisterLoopbackByName() {
    HttpResponse<Buffer> refused = register("loopback", "http://localhost:" + bench.registry().port() + "/dpgs");
    assertEquals(400, refused.statusCode(), refused.bodyAsString());
    JsonObject error = refused.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0);
    assertEquals("url", error.getString("field"));
    assertTrue(error.getString("message").contains("localhost resolves to")
        && error.getString("message").contains("harvest.allowPrivateNetworks"), error.encode());
    assertEquals(0, bench.registry().hits("/dpgs"));
    assertEquals(404, TestNode.await(bench.node().client().get("/api/sources/loopback").send()).statusCode(), "nothing was registered");
  }

  @Test
  void refusesToRegisterLoopbackByAddressOrNameWhenNothingIsExempt(@TempDir Path other) {
    Map<String, String> env = TestNode.environment(other);
    env.put("DPG_ALLOW_PRIVATE_NETWORKS", "false");
    try (TestNode strict = TestNode.start(bench.vertx(), null, env)) {
      for (String host : new String[] {"127.0.0.1", "localhost"}) {
        JsonObject source = BreakingSource.source(bench.registry(), "strict", "/dpgs").put("url", "http://" + host + ":" + bench.registry().port() + "/dpgs");
        HttpResponse<Buffer> refused = TestNode.await(strict.client().post("/api/sources")
            .bearerTokenAuthentication(TestNode.ADMIN).sendJsonObject(source));
        assertEquals(400, refused.statusCode(), refused.bodyAsString());
        assertTrue(refused.bodyAsString().contains("refused: " + host + " resolves to "), refused.bodyAsString());
      }
    }
    assertEquals(0, bench.registry().hits("/dpgs"), "a refused source is never fetched");
  }

  @Test
  void refusesARedirectToLoopbackDuringARun() {
    bench.registry().serve("/moved", Answer.redirect("http://localhost:" + bench.registry().port() + "/dpgs"));
    bench.registry().serve("/dpgs", HarvestBench.good());
    HttpResponse<Buffer> registered = register("redirected", bench.registry().url("/moved"));
    assertEquals(201, registered.statusCode(), registered.bodyAsString());
    JsonObject run = bench.node().awaitRun(TestNode.firstRunId(registered.bodyAsJsonObject()));
    assertEquals("failed", run.getString("status"), run.encode());
    assertTrue(run.getString("error").contains("refused: localhost resolves to"), run.getString("error"));
    assertEquals(1, bench.registry().hits("/moved"));
    assertEquals(0, bench.registry().hits("/dpgs"), "the redirect was not followed");
    assertEquals(0, bench.node().triples("redirected"));
  }

  @Test
  void followsARedirectWithinTheAllowedHosts() {
    bench.registry().serve("/allowed-start", Answer.redirect(bench.registry().url("/allowed-data")));
    bench.registry().serve("/allowed-data", HarvestBench.good());
    JsonObject run = bench.node().awaitRun(TestNode.firstRunId(bench.node().register(BreakingSource.source(bench.registry(), "allowed", "/allowed-start"))));
    assertEquals("succeeded", run.getString("status"), run.encode());
  }
}
