package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;
import org.dpgfed.harvester.testing.HarvestBench;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A feed source has the guarantees of every other source: its members are checked against the
 * shapes, a 304 leaves it unchanged, the safety valve holds, and the watchdog ends a silent peer.
 * The peer is a fake serving one feed page.
 */
class FeedRunTest {
  private static final String ORIGIN = "https://origin.example.org";

  @RegisterExtension static HarvestBench bench = HarvestBench.perClass(Map.of("DPG_HARVEST_RUN_TIMEOUT", "PT3S",
      "DPG_HARVEST_FIRST_BYTE_TIMEOUT", "PT5M", "DPG_HARVEST_TOTAL_TIMEOUT", "PT5M"));

  /** A version of product {@code n}: {@code licensed} false leaves out the licence the shapes require. */
  private static String version(int n, long sequence, boolean licensed) {
    String product = ORIGIN + "/id/product/" + key(n);
    return """
        <%1$s/version/%2$d> a dpg:ProductVersion , dcat:Resource ; dct:isVersionOf <%1$s> ; dpg:sequence %2$d ;
          prov:generatedAtTime "2026-01-01T00:%7$02d:00Z"^^xsd:dateTime ; dct:title "Product %3$d"@en ;
          dct:type dpg:Software ; schema:codeRepository <https://git.example.org/p%3$d> %4$s.
        <%5$s/id/record/src/p%3$d> foaf:primaryTopic <%1$s/version/%2$d> ; dct:source <%5$s/id/source/src> .
        <%6$s> tree:member <%1$s/version/%2$d> .
        """.formatted(product, sequence, n, licensed ? "; dct:license spdx:MIT " : "", ORIGIN, "{page}", n % 60);
  }

  private static String removal(int n, long sequence) {
    String product = ORIGIN + "/id/product/" + key(n);
    return """
        <%1$s/version/%2$d> a dpg:ProductRemoval ; dct:isVersionOf <%1$s> ; dpg:sequence %2$d ;
          prov:generatedAtTime "2026-01-02T00:00:00Z"^^xsd:dateTime .
        """.formatted(product, sequence);
  }

  private static String key(int n) {
    return "%016x".formatted(0xabc000L + n);
  }

  private static Answer page(String path, String... members) {
    String turtle = """
        @prefix dct: <http://purl.org/dc/terms/> . @prefix dcat: <http://www.w3.org/ns/dcat#> .
        @prefix dpg: <https://w3id.org/dpgfed/vocab#> . @prefix prov: <http://www.w3.org/ns/prov#> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .
        @prefix schema: <http://schema.org/> . @prefix spdx: <http://spdx.org/licenses/> .
        @prefix tree: <https://w3id.org/tree#> .
        """ + String.join("\n", members).replace("{page}", bench.registry().url(path));
    return Answer.bytes("text/turtle", turtle.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonObject register(String id) {
    return bench.node().awaitRun(TestNode.firstRunId(bench.node().register(new JsonObject().put("id", id)
        .put("title", "Peer " + id).put("url", bench.registry().url("/" + id)).put("format", "feed")
        .put("schedule", "manual"))));
  }

  private static JsonArray report(JsonObject run) {
    return TestNode.await(bench.node().client().get("/api/runs/" + run.getString("id") + "/report").send())
        .bodyAsJsonObject().getJsonArray("items");
  }

  @Test
  void leavesOutAVersionTheShapesRefuseCountsItAndReportsWhy() {
    bench.registry().serve("/shapes", page("/shapes", version(1, 1, true), version(2, 2, false)));
    JsonObject run = register("shapes");
    assertEquals("succeeded", run.getString("status"), run.encode());
    assertEquals(1, run.getInteger("records"), run.encode());
    assertEquals(1, run.getInteger("invalid"), run.encode());
    String refused = TestNode.BASE + "/id/record/shapes/" + key(2);
    assertTrue(report(run).stream().map(JsonObject.class::cast).anyMatch(p -> p.getString("record").equals(refused)
        && p.getString("severity").equals("violation") && p.getString("path").equals("http://purl.org/dc/terms/license")),
        report(run).encode());
    assertEquals(404, TestNode.await(bench.node().client().get("/id/product/" + key(2)).send()).statusCode());
  }

  @Test
  void aPeerAnswering304LeavesTheSourceUnchanged() {
    bench.registry().serve("/etag", page("/etag", version(3, 1, true)).withHeader("ETag", "\"v1\""));
    assertEquals("succeeded", register("etag").getString("status"));
    JsonObject again = bench.node().harvest("etag");
    assertEquals("unchanged", again.getString("status"), again.encode());
    assertEquals(1, again.getInteger("records"));
    assertEquals("\"v1\"", bench.registry().requests("/etag").get(1).headers().get("If-None-Match"));
    assertEquals(2, bench.registry().hits("/etag"), "nothing but the cursor page was asked for");
  }

  @Test
  void refusesARunThatWouldRemoveMoreThanTheShareUnlessForced() {
    List<String> four = IntStream.rangeClosed(10, 13).mapToObj(n -> version(n, n, true)).toList();
    bench.registry().serve("/valve", page("/valve", four.toArray(String[]::new)));
    assertEquals(4, register("valve").getInteger("records"));
    String removals = IntStream.rangeClosed(10, 12).mapToObj(n -> removal(n, 20 + n)).collect(Collectors.joining("\n"));
    bench.registry().serve("/valve", page("/valve", String.join("\n", four), removals));
    JsonObject refused = bench.node().harvest("valve");
    assertEquals("failed", refused.getString("status"), refused.encode());
    assertTrue(refused.getString("error").contains("harvest.maxRemovedShare"), refused.getString("error"));
    assertEquals(4, bench.node().records("valve"), "a refused run changes nothing");

    HttpResponse<Buffer> forced = TestNode.await(bench.node().client().post("/api/sources/valve/harvest?force=true")
        .bearerTokenAuthentication(TestNode.ADMIN).send());
    JsonObject run = bench.node().awaitRun(forced.bodyAsJsonObject().getString("id"));
    assertEquals("succeeded", run.getString("status"), run.encode());
    assertEquals(3, run.getInteger("removed"));
    assertEquals(1, bench.node().records("valve"));
  }

  @Test
  void theWatchdogEndsARunWhosePeerFallsSilent() {
    bench.registry().serve("/silent", page("/silent", version(20, 1, true)));
    assertEquals("succeeded", register("silent").getString("status"));
    bench.registry().serve("/silent", Answer.silence());
    JsonObject stopped = bench.node().harvest("silent");
    assertEquals("failed", stopped.getString("status"), stopped.encode());
    assertTrue(stopped.getString("error").contains("harvest.runTimeout"), stopped.encode());
    assertEquals(1, bench.node().records("silent"), "the graph is as it was");
  }
}
