package org.dpgfed.harvester.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;

/**
 * The shape of every fault test: a source harvests good content, then its server misbehaves and
 * it is harvested again. The second run must fail, the source's previous graph must stay whole
 * and a bystander source must be untouched.
 */
public final class BreakingSource {
  private final TestNode node;
  private final FakeRegistry registry;
  private final String bystander;
  private int counter;

  /** @param bystander a source already harvested whose graph must never change */
  public BreakingSource(TestNode node, FakeRegistry registry, String bystander) {
    this.node = node;
    this.registry = registry;
    this.bystander = bystander;
  }

  public static JsonObject source(FakeRegistry registry, String id, String path) {
    return new JsonObject().put("id", id).put("title", id).put("url", registry.url(path))
        .put("format", "dpga-json").put("schedule", "manual");
  }

  /** Registers a new source serving {@code good}, harvests it, serves {@code broken}; returns the failed run. */
  public JsonObject failWith(Answer good, Answer broken) {
    String id = "broken-" + (++counter);
    String path = "/" + id;
    registry.serve(path, good);
    JsonObject first = node.awaitRun(TestNode.firstRunId(node.register(source(registry, id, path))));
    assertEquals("succeeded", first.getString("status"), first.encode());
    long before = node.triples(id);
    long others = node.triples(bystander);
    assertEquals(first.getLong("triples"), before);

    registry.serve(path, broken);
    JsonObject second = node.harvest(id);
    assertEquals("failed", second.getString("status"), second.encode());
    assertEquals(before, node.triples(id), "the previous graph stays whole");
    assertEquals(others, node.triples(bystander), "other sources are untouched");
    assertEquals(1, node.source(id).getJsonObject("status").getInteger("consecutiveFailures"));
    return second;
  }

  /** The path the last {@link #failWith} served. */
  public String lastPath() {
    return "/broken-" + counter;
  }
}
