package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.dpgfed.harvester.testing.BreakingSource;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;
import org.dpgfed.harvester.testing.HarvestBench;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each run is a prov:Activity in the meta graph with what it got; only harvest.runHistory runs are kept. */
class RunHistoryTest {
  @TempDir Path dir;

  private static List<QuerySolution> runsInMetaGraph(TestNode node, String sourceId) {
    String query = """
        PREFIX dpg: <https://w3id.org/dpgfed/vocab#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?run ?status ?http ?etag ?hash ?started ?ended WHERE { GRAPH <%s/graph/meta> {
          ?run a prov:Activity ; dpg:sourceId "%s" ; dpg:status ?status ; prov:startedAtTime ?started .
          OPTIONAL { ?run prov:endedAtTime ?ended } OPTIONAL { ?run dpg:httpStatus ?http }
          OPTIONAL { ?run dpg:etag ?etag } OPTIONAL { ?run dpg:contentHash ?hash } } } ORDER BY ?run
        """.formatted(TestNode.BASE, sourceId);
    List<QuerySolution> rows = new ArrayList<>();
    try (var exec = QueryExecutionHTTP.service(node.url("/sparql")).query(query).build()) {
      exec.execSelect().forEachRemaining(rows::add);
    }
    return rows;
  }

  @Test
  void recordsStatusEtagAndHashOfEachRunAndKeepsOnlyTheNewest() {
    byte[] body = HarvestBench.goodBytes();
    try (HarvestBench bench = HarvestBench.start(dir, Map.of("DPG_HARVEST_RUN_HISTORY", "3"))) {
      FakeRegistry registry = bench.registry();
      TestNode node = bench.node();
      registry.serve("/dpgs", Answer.bytes("application/json", body).withHeader("ETag", "\"e1\""));
      List<String> ids = new ArrayList<>();
      ids.add(node.awaitRun(TestNode.firstRunId(node.register(BreakingSource.source(registry, "kept", "/dpgs")))).getString("id"));
      registry.serve("/dpgs", Answer.status(404));
      ids.add(node.harvest("kept").getString("id"));
      registry.serve("/dpgs", Answer.bytes("application/json", body).withHeader("ETag", "\"e1\""));
      ids.add(node.harvest("kept").getString("id"));
      byte[] changed = new String(body, java.nio.charset.StandardCharsets.UTF_8).replace("Classroom Stories", "Classroom Tales")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      registry.serve("/dpgs", Answer.bytes("application/json", changed).withHeader("ETag", "\"e2\""));
      ids.add(node.harvest("kept").getString("id"));

      JsonArray listed = TestNode.await(node.client().get("/api/sources/kept/runs").send()).bodyAsJsonObject().getJsonArray("items");
      assertEquals(List.of(ids.get(3), ids.get(2), ids.get(1)), listed.stream().map(r -> ((JsonObject) r).getString("id")).toList());
      assertEquals(404, TestNode.await(node.client().get("/api/runs/" + ids.get(0)).send()).statusCode(), "the oldest is gone");

      List<QuerySolution> rows = runsInMetaGraph(node, "kept");
      assertEquals(3, rows.size(), "the meta graph keeps as many runs as the API");
      assertEquals(List.of("failed", "unchanged", "succeeded"), rows.stream().map(r -> r.getLiteral("status").getString()).toList());
      assertEquals(List.of(404, 304, 200), rows.stream().map(r -> r.getLiteral("http").getInt()).toList());
      assertEquals("\"e1\"", rows.get(1).getLiteral("etag").getString());
      assertEquals("\"e2\"", rows.get(2).getLiteral("etag").getString());
      rows.forEach(r -> assertNotNull(r.get("ended")));
      JsonObject newest = TestNode.await(node.client().get("/api/runs/" + ids.get(3)).send()).bodyAsJsonObject();
      assertEquals(200, newest.getInteger("httpStatus"));
      assertEquals(64, newest.getString("contentHash").length(), newest.encode());
      assertEquals(newest.getString("contentHash"), rows.get(2).getLiteral("hash").getString());
      assertEquals(true, ask(node, "ASK { GRAPH <%s/graph/meta> { ?node a dpg:Problem } }"), "the kept runs' problems stay");
      assertEquals(false, ask(node, "ASK { GRAPH <%s/graph/meta> { ?node a dpg:Problem "
          + "FILTER NOT EXISTS { ?run dpg:problem ?node ; a <http://www.w3.org/ns/prov#Activity> } } }"), "no problem outlives its run");
      assertEquals(false, ask(node, "ASK { GRAPH <%s/graph/meta> { ?report a <http://www.w3.org/ns/shacl#ValidationReport> "
          + "FILTER NOT EXISTS { ?run dpg:validationReport ?report ; a <http://www.w3.org/ns/prov#Activity> } } }"),
          "no report outlives its run");
    }
  }

  private static boolean ask(TestNode node, String query) {
    try (var exec = QueryExecutionHTTP.service(node.url("/sparql"))
        .query("PREFIX dpg: <https://w3id.org/dpgfed/vocab#>\n" + query.formatted(TestNode.BASE)).build()) {
      return exec.execAsk();
    }
  }
}
