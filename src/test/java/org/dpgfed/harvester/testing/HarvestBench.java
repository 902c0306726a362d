package org.dpgfed.harvester.testing;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A node and a fake registry on one Vert.x, for harvest tests: the node gets the test settings
 * plus the ones a test gives, and {@link #good()} is a registry of four records. Either started
 * by hand ({@link #start}, then closed), or shared by a test class as a JUnit extension
 * ({@code @RegisterExtension static HarvestBench bench = HarvestBench.perClass(settings)}).
 */
public final class HarvestBench implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
  private static final Path GOOD = Path.of("src/test/resources/e2e/registry-v1.json");

  private final Map<String, String> settings;
  private Path dataDir;
  private Vertx vertx;
  private FakeRegistry registry;
  private TestNode node;
  private BreakingSource breaking;

  private HarvestBench(Map<String, String> settings) {
    this.settings = settings;
  }

  /** A bench each test class starts before its first test and closes after its last. */
  public static HarvestBench perClass(Map<String, String> settings) {
    return new HarvestBench(settings);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dataDir = Files.createTempDirectory("harvest-bench");
    open(dataDir);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** @param settings environment variables over {@link TestNode#environment} */
  public static HarvestBench start(Path dataDir, Map<String, String> settings) {
    HarvestBench bench = new HarvestBench(settings);
    bench.open(dataDir);
    return bench;
  }

  private void open(Path dir) {
    vertx = Vertx.vertx();
    registry = FakeRegistry.on(vertx);
    Map<String, String> env = TestNode.environment(dir);
    env.putAll(settings);
    node = TestNode.start(vertx, null, env);
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

  /** The fault-test helper, watching a bystander source registered and harvested on first use. */
  public synchronized BreakingSource breaking() {
    if (breaking == null) {
      registry.serve("/bystander", good());
      node.awaitRun(TestNode.firstRunId(node.register(BreakingSource.source(registry, "bystander", "/bystander"))));
      breaking = new BreakingSource(node, registry, "bystander");
    }
    return breaking;
  }

  @Override
  public void close() {
    node.close();
    vertx.close();
  }
}
