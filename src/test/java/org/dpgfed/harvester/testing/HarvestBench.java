package org.dpgfed.harvester.testing;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;

/**
 * A node and a fake registry on one Vert.x, for harvest tests: the node gets the test settings
 * plus the ones a test gives, and {@link #good()} is a registry of four records.
 */
public final class HarvestBench implements AutoCloseable {
  private static final Path GOOD = Path.of("src/test/resources/e2e/registry-v1.json");

  private final Vertx vertx;
  private final FakeRegistry registry;
  private final TestNode node;

  private HarvestBench(Vertx vertx, FakeRegistry registry, TestNode node) {
    this.vertx = vertx;
    this.registry = registry;
    this.node = node;
  }

  /** @param settings environment variables over {@link TestNode#environment} */
  public static HarvestBench start(Path dataDir, Map<String, String> settings) {
    Vertx vertx = Vertx.vertx();
    FakeRegistry registry = new FakeRegistry();
    TestNode.await(vertx.deployVerticle(registry));
    Map<String, String> env = TestNode.environment(dataDir);
    env.putAll(settings);
    return new HarvestBench(vertx, registry, TestNode.start(vertx, null, env));
  }

  public TestNode node() {
    return node;
  }

  public FakeRegistry registry() {
    return registry;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** The bytes of a registry of four records, as {@link #good()} serves them. */
  public static byte[] goodBytes() {
    try {
      return Files.readAllBytes(GOOD);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Answer good() {
    return Answer.bytes("application/json", goodBytes());
  }

  /** Registers and harvests a bystander source, and answers the fault-test helper that watches it. */
  public BreakingSource breaking() {
    registry.serve("/bystander", good());
    node.awaitRun(TestNode.firstRunId(node.register(BreakingSource.source(registry, "bystander", "/bystander"))));
    return new BreakingSource(node, registry, "bystander");
  }

  @Override
  public void close() {
    node.close();
    vertx.close();
  }
}
