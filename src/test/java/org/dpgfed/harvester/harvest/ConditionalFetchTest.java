package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.dpgfed.harvester.testing.BreakingSource;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;
import org.dpgfed.harvester.testing.HarvestBench;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A source's validators are sent back: a 304 ends the run as unchanged without touching the graph
 * (its records still name the run that wrote them), and so does content identical to the last.
 */
class ConditionalFetchTest {
  @RegisterExtension static HarvestBench bench = HarvestBench.perClass(Map.of());
  static byte[] v1 = HarvestBench.goodBytes();
  static byte[] v2 = new String(v1, java.nio.charset.StandardCharsets.UTF_8).replace("Classroom Stories", "Classroom Stories Two")
      .getBytes(java.nio.charset.StandardCharsets.UTF_8);

  /** The runs that generated the source's records (prov:wasGeneratedBy). */
  private static Set<String> generatedBy(String sourceId) {
    String query = "SELECT DISTINCT ?run WHERE { GRAPH <" + TestNode.BASE + "/graph/source/" + sourceId + "> { "
        + "?r <http://www.w3.org/ns/prov#wasGeneratedBy> ?run } }";
    Set<String> runs = new TreeSet<>();
    try (var exec = QueryExecutionHTTP.service(bench.node().url("/sparql")).query(query).build()) {
      exec.execSelect().forEachRemaining(row -> runs.add(row.getResource("run").getURI()));
    }
    return runs;
  }

  private static Set<String> run(String runId) {
    return Set.of(TestNode.BASE + "/id/run/" + runId);
  }

  @Test
  void answersA304WithAnUnchangedRunThatWritesNoGraph() {
    bench.registry().serve("/etag", Answer.bytes("application/json", v1).withHeader("ETag", "\"v1\""));
    JsonObject first = bench.node().awaitRun(TestNode.firstRunId(bench.node().register(BreakingSource.source(bench.registry(), "etag", "/etag"))));
    assertEquals("\"v1\"", first.getString("etag"));
    long triples = bench.node().triples("etag");

    JsonObject second = bench.node().harvest("etag");
    assertEquals("unchanged", second.getString("status"), second.encode());
    assertEquals(304, second.getInteger("httpStatus"));
    assertEquals(4, second.getInteger("records"));
    assertEquals(triples, second.getLong("triples"));
    assertEquals(0, second.getInteger("added") + second.getInteger("removed"));
    assertEquals("\"v1\"", bench.registry().requests("/etag").get(1).headers().get("If-None-Match"));
    assertEquals(run(first.getString("id")), generatedBy("etag"), "the graph is the first run's, untouched");

    bench.registry().serve("/etag", Answer.bytes("application/json", v2).withHeader("ETag", "\"v2\""));
    JsonObject third = bench.node().harvest("etag");
    assertEquals("succeeded", third.getString("status"), third.encode());
    assertEquals(200, third.getInteger("httpStatus"));
    assertEquals(run(third.getString("id")), generatedBy("etag"));
    bench.node().harvest("etag");
    assertEquals("\"v2\"", bench.registry().requests("/etag").get(3).headers().get("If-None-Match"), "the new ETag is sent back");
  }

  @Test
  void sendsLastModifiedBackAsIfModifiedSince() {
    String date = "Tue, 03 Feb 2026 10:00:00 GMT";
    bench.registry().serve("/dated", Answer.bytes("application/json", v1).withHeader("Last-Modified", date));
    JsonObject first = bench.node().awaitRun(TestNode.firstRunId(bench.node().register(BreakingSource.source(bench.registry(), "dated", "/dated"))));
    JsonObject second = bench.node().harvest("dated");
    assertEquals("unchanged", second.getString("status"), second.encode());
    assertEquals(304, second.getInteger("httpStatus"));
    assertEquals(date, bench.registry().requests("/dated").get(1).headers().get("If-Modified-Since"));
    assertNull(bench.registry().requests("/dated").get(0).headers().get("If-Modified-Since"), "the first fetch is not conditional");
    assertEquals(run(first.getString("id")), generatedBy("dated"));
  }

  @Test
  void endsAsUnchangedWithoutWritingTheGraphWhenTheContentIsTheSame() {
    bench.registry().serve("/plain", Answer.bytes("application/json", v1));
    JsonObject first = bench.node().awaitRun(TestNode.firstRunId(bench.node().register(BreakingSource.source(bench.registry(), "plain", "/plain"))));
    JsonObject second = bench.node().harvest("plain");
    assertEquals("unchanged", second.getString("status"), second.encode());
    assertEquals(200, second.getInteger("httpStatus"));
    assertEquals(first.getString("contentHash"), second.getString("contentHash"));
    assertEquals(run(first.getString("id")), generatedBy("plain"));
    assertNull(bench.registry().requests("/plain").get(1).headers().get("If-None-Match"), "nothing to send back");
  }

  @Test
  void refetchesInFullOnceTheSourceMovesToAnotherUrl() {
    bench.registry().serve("/old-home", Answer.bytes("application/json", v1).withHeader("ETag", "\"same\""));
    bench.registry().serve("/new-home", Answer.bytes("application/json", v2).withHeader("ETag", "\"same\""));
    JsonObject source = BreakingSource.source(bench.registry(), "moving", "/old-home");
    bench.node().awaitRun(TestNode.firstRunId(bench.node().register(source)));
    var moved = TestNode.await(bench.node().client().put("/api/sources/moving").bearerTokenAuthentication(TestNode.ADMIN)
        .sendJsonObject(source.put("url", bench.registry().url("/new-home"))));
    assertEquals(200, moved.statusCode(), moved.bodyAsString());
    JsonObject run = bench.node().awaitRun(bench.node().source("moving").getJsonObject("status").getJsonObject("lastRun").getString("id"));
    assertEquals("succeeded", run.getString("status"), run.encode());
    assertEquals(List.of(), bench.registry().requests("/new-home").stream().map(s -> s.headers().get("If-None-Match"))
        .filter(java.util.Objects::nonNull).toList(), "validators of the old URL are not sent to the new one");
  }
}
