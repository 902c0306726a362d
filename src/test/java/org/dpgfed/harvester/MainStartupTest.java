package org.dpgfed.harvester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dpgfed.harvester.config.ConfigLoader;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting a node from a configuration file: its sources are checked, and file: URLs are the file's. */
class MainStartupTest {
  private static final Path FIXTURE = Path.of("src/test/resources/e2e/registry-v1.json");

  @TempDir Path dir;
  Vertx vertx;

  @BeforeEach
  void createVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void closeVertx() {
    TestNode.await(vertx.close());
  }

  @Test
  void anInvalidConfiguredSourceStopsStartNamingTheSourceAndTheField() throws IOException {
    Path config = writeConfig(dir, """
        sources:
          - id: too-vague
            title: A source with no real schedule
            url: file:registry.json
            format: dpga-json
            schedule: often
        """);
    String message = startFailure(config).getMessage();
    assertTrue(message.contains("too-vague"), message);
    assertTrue(message.contains("schedule"), message);
  }

  @Test
  void anInvalidConfiguredSourceHasEveryBadFieldNamed() throws IOException {
    Path config = writeConfig(dir, """
        sources:
          - id: twice-wrong
            title: A source with two mistakes
            url: file:registry.json
            format: dpga-json
            schedule: often
            country: Kenya
        """);
    String message = startFailure(config).getMessage();
    assertTrue(message.contains("twice-wrong"), message);
    assertTrue(message.contains("schedule") && message.contains("country"), message);
  }

  @Test
  void aFailedStartLeavesTheDataDirectoryUsable() throws IOException {
    Path data = dir.resolve("data");
    Path bad = writeConfig(dir.resolve("bad"), """
        sources:
          - id: too-vague
            title: A source with no real schedule
            url: file:registry.json
            format: dpga-json
            schedule: often
        """);
    startFailure(bad, data);
    Path good = writeConfig(dir.resolve("good"), "sparql:\n  maxRows: 10\n");
    try (TestNode node = TestNode.start(vertx, good, TestNode.environment(data))) {
      assertEquals(200, TestNode.await(node.client().get("/api/sources").send()).statusCode());
    }
  }

  @Test
  void relativeFileUrlsResolveAgainstTheConfigFilesFolder() throws IOException {
    Path folder = dir.resolve("site");
    Files.createDirectories(folder.resolve("registries"));
    Files.copy(FIXTURE, folder.resolve("registries/national.json"));
    Path config = writeConfig(folder, """
        sources:
          - id: relative-file
            title: A registry beside the configuration
            url: file:registries/national.json
            format: dpga-json
            schedule: manual
        """);
    try (TestNode node = TestNode.start(vertx, config, TestNode.environment(dir.resolve("data")))) {
      JsonObject run = node.awaitRun(lastRunOf(node, "relative-file"));
      assertEquals("succeeded", run.getString("status"), run.encode());
      assertEquals(4, run.getInteger("records"));
    }
  }

  @Test
  void configuredSourcesAreUpdatedToMatchTheFileAtEveryStart() throws IOException {
    Files.copy(FIXTURE, dir.resolve("registry.json"));
    Path data = dir.resolve("data");
    String source = """
        sources:
          - id: kept-in-step
            title: %s
            url: file:registry.json
            format: dpga-json
            schedule: manual
        """;
    Path config = writeConfig(dir, source.formatted("First title"));
    String createdAt;
    try (TestNode node = TestNode.start(vertx, config, TestNode.environment(data))) {
      node.awaitRun(lastRunOf(node, "kept-in-step"));
      createdAt = sourceOf(node, "kept-in-step").getString("createdAt");
    }
    writeConfig(dir, source.formatted("Second title"));
    try (TestNode node = TestNode.start(vertx, config, TestNode.environment(data))) {
      JsonObject again = sourceOf(node, "kept-in-step");
      assertEquals("Second title", again.getString("title"));
      assertEquals(createdAt, again.getString("createdAt"));
    }
  }

  // --- helpers -----------------------------------------------------------------------------

  private static Path writeConfig(Path folder, String yaml) throws IOException {
    Files.createDirectories(folder);
    return Files.writeString(folder.resolve("harvester.yaml"), yaml);
  }

  private Throwable startFailure(Path config) {
    return startFailure(config, dir.resolve("data"));
  }

  /** Starts a node that must fail to start, and returns why. */
  private Throwable startFailure(Path config, Path data) {
    Map<String, String> env = TestNode.environment(data);
    Future<Throwable> outcome = Main.start(vertx, ConfigLoader.load(config, env), token -> { })
        .transform(ar -> ar.succeeded()
            ? ar.result().close().map(v -> (Throwable) null)
            : Future.succeededFuture(ar.cause()));
    Throwable failure = TestNode.await(outcome);
    assertNotNull(failure, "the node started although its configuration is invalid");
    return failure;
  }

  private static JsonObject sourceOf(TestNode node, String id) {
    var response = TestNode.await(node.client().get("/api/sources/" + id).send());
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  private static String lastRunOf(TestNode node, String id) {
    JsonObject lastRun = sourceOf(node, id).getJsonObject("status").getJsonObject("lastRun");
    assertNotNull(lastRun, "a configured source is harvested at its first start");
    return lastRun.getString("id");
  }
}
