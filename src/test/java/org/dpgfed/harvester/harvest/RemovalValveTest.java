package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.dpgfed.harvester.testing.BreakingSource;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;
import org.dpgfed.harvester.testing.HarvestBench;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Records a source stops listing leave its graph; but a run that would remove more than
 * harvest.maxRemovedShare of them (0.5 by default) fails and removes nothing, unless forced.
 */
class RemovalValveTest {
  @RegisterExtension static HarvestBench bench = HarvestBench.perClass(Map.of());
  static JsonArray all = new JsonArray(Buffer.buffer(HarvestBench.goodBytes()));

  /** The first {@code n} records of the registry. */
  private static Answer first(int n) {
    return Answer.json(new JsonArray(all.getList().subList(0, n)).encode());
  }

  private static JsonObject harvestedWithFour(String id) {
    bench.registry().serve("/" + id, first(4));
    JsonObject run = bench.node().awaitRun(TestNode.firstRunId(bench.node().register(BreakingSource.source(bench.registry(), id, "/" + id))));
    assertEquals(4, run.getInteger("records"), run.encode());
    return run;
  }

  private static HttpResponse<Buffer> trigger(String id, String query) {
    return TestNode.await(bench.node().client().post("/api/sources/" + id + "/harvest" + query)
        .bearerTokenAuthentication(TestNode.ADMIN).send());
  }

  @Test
  void removesRecordsTheSourceNoLongerListsWithinTheShare() {
    harvestedWithFour("shrinks");
    bench.registry().serve("/shrinks", first(2));
    JsonObject run = bench.node().harvest("shrinks");
    assertEquals("succeeded", run.getString("status"), run.encode());
    assertEquals(2, run.getInteger("records"));
    assertEquals(2, run.getInteger("removed"), "half the records may go");
    assertEquals(2, bench.node().records("shrinks"));
  }

  @Test
  void refusesARunThatWouldRemoveMoreThanTheShareAndRemovesNothing() {
    harvestedWithFour("collapses");
    long triples = bench.node().triples("collapses");
    bench.registry().serve("/collapses", first(1));
    JsonObject run = bench.node().harvest("collapses");
    assertEquals("failed", run.getString("status"), run.encode());
    String error = run.getString("error");
    assertTrue(error.contains("would remove 3 of the source's 4 records (75%)") && error.contains("harvest.maxRemovedShare")
        && error.contains("force=true"), error);
    assertEquals(triples, bench.node().triples("collapses"), "nothing was removed");
    assertEquals(4, bench.node().records("collapses"));
  }

  @Test
  void refusesAnEmptyAnswerThatWouldRemoveEverything() {
    harvestedWithFour("empties");
    bench.registry().serve("/empties", Answer.json("[]"));
    JsonObject run = bench.node().harvest("empties");
    assertEquals("failed", run.getString("status"), run.encode());
    assertTrue(run.getString("error").contains("remove 4 of the source's 4 records (100%)"), run.getString("error"));
    assertEquals(4, bench.node().records("empties"));
  }

  @Test
  void appliesTheRemovalsWhenTheOperatorForcesTheRun() {
    harvestedWithFour("forced");
    bench.registry().serve("/forced", first(1));
    assertEquals("failed", bench.node().harvest("forced").getString("status"));
    HttpResponse<Buffer> accepted = trigger("forced", "?force=true");
    assertEquals(202, accepted.statusCode(), accepted.bodyAsString());
    JsonObject run = bench.node().awaitRun(accepted.bodyAsJsonObject().getString("id"));
    assertEquals("succeeded", run.getString("status"), run.encode());
    assertEquals(3, run.getInteger("removed"));
    assertEquals(1, bench.node().records("forced"));
  }

  @Test
  void keepsTheValveForTheRunAfterAForcedOne() {
    harvestedWithFour("once");
    bench.registry().serve("/once", first(3));
    assertEquals("succeeded", bench.node().awaitRun(trigger("once", "?force=true").bodyAsJsonObject().getString("id")).getString("status"));
    bench.registry().serve("/once", first(1));
    JsonObject run = bench.node().harvest("once");
    assertEquals("failed", run.getString("status"), "2 of 3 is more than half: " + run.encode());
  }

  @Test
  void refusesAForceThatIsNotABoolean() {
    harvestedWithFour("bad-force");
    HttpResponse<Buffer> refused = trigger("bad-force", "?force=yes");
    assertEquals(400, refused.statusCode());
    assertTrue(refused.bodyAsString().contains("force"), refused.bodyAsString());
  }
}
