package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.dpgfed.harvester.testing.BreakingSource;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;
import org.dpgfed.harvester.testing.HarvestBench;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A run that finds its source changed brings the source's graph to the new answer by a diff (see
 * GraphDiffTest for what it writes): the graph it leaves is the one a first harvest of the same
 * answer writes.
 */
class ChangedHarvestTest {
  @RegisterExtension static HarvestBench bench = HarvestBench.perClass(Map.of());
  private static final String PREFIXES = "PREFIX prov: <http://www.w3.org/ns/prov#>\n";

  @Test
  void aChangedSourceLeavesTheGraphAFirstHarvestOfItsAnswerWrites() {
    JsonArray before = new JsonArray(Buffer.buffer(HarvestBench.goodBytes()));
    JsonArray after = before.copy();
    after.remove(0); // gone
    after.getJsonObject(0).put("name", "Renamed Toolkit").put("description", "Changed in place.");
    after.getJsonObject(1).remove("organizations"); // its organisation's nodes go
    after.getJsonObject(2).getJsonArray("SDGs").add(new JsonObject().put("SDGNumber", 6).put("evidenceText", "Water."));
    after.add(before.getJsonObject(0).copy().put("id", "newcomer").put("name", "Newcomer Platform")
        .put("website", "https://newcomer.example.org/")
        .put("repositories", new JsonArray().add(new JsonObject().put("name", "main").put("url", "https://github.com/example/newcomer.git"))));

    bench.registry().serve("/changes", Answer.json(before.encode()));
    bench.node().awaitRun(TestNode.firstRunId(bench.node().register(BreakingSource.source(bench.registry(), "changes", "/changes"))));
    bench.registry().serve("/changes", Answer.json(after.encode()));
    JsonObject second = bench.node().harvest("changes");
    assertEquals("succeeded", second.getString("status"), second.encode());
    assertEquals(1, second.getInteger("added"));
    assertEquals(1, second.getInteger("removed"));
    Graph changed = graph();
    assertFalse(ask("ASK { GRAPH <" + graph("changes") + "> { ?r prov:wasGeneratedBy ?run "
        + "FILTER(?run != <" + TestNode.BASE + "/id/run/" + second.getString("id") + ">) } }"),
        "every record names the run that wrote the graph as it is now");

    assertEquals(204, TestNode.await(bench.node().client().delete("/api/sources/changes")
        .bearerTokenAuthentication(TestNode.ADMIN).send()).statusCode());
    JsonObject first = bench.node().awaitRun(TestNode.firstRunId(
        bench.node().register(BreakingSource.source(bench.registry(), "changes", "/changes"))));
    assertEquals(4, first.getInteger("added"), first.encode());
    Graph fresh = graph();
    assertTrue(changed.size() > 40);
    assertTrue(changed.isIsomorphicWith(fresh), () -> "changed: " + changed + "\nfirst harvest: " + fresh);
  }

  /** The source's graph, less what names the run. */
  private static Graph graph() {
    String query = PREFIXES + "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <" + graph("changes") + "> { ?s ?p ?o "
        + "FILTER(?p NOT IN (prov:wasGeneratedBy, prov:generatedAtTime)) } }";
    try (var exec = QueryExecutionHTTP.service(bench.node().url("/sparql")).query(query).build()) {
      return exec.execConstruct().getGraph();
    }
  }

  private static boolean ask(String query) {
    try (var exec = QueryExecutionHTTP.service(bench.node().url("/sparql")).query(PREFIXES + query).build()) {
      return exec.execAsk();
    }
  }

  private static String graph(String sourceId) {
    return TestNode.BASE + "/graph/source/" + sourceId;
  }
}
