package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.dpgfed.harvester.Main;
import org.dpgfed.harvester.Node;
import org.dpgfed.harvester.config.ConfigLoader;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Every log line of a run carries its run id and source id; a generated admin token is never logged. */
class RunLoggingTest {
  @TempDir Path dir;
  Vertx vertx;
  FakeRegistry registry;
  ListAppender<ILoggingEvent> captured = new ListAppender<>();
  Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void start() {
    captured.start();
    root.addAppender(captured);
    vertx = Vertx.vertx();
    registry = FakeRegistry.deploy(vertx);
  }

  @AfterEach
  void stop() {
    root.detachAppender(captured);
    vertx.close();
  }

  @Test
  void everyLineOfARunCarriesItsRunIdAndSourceId() {
    String runId;
    try (TestNode node = TestNode.start(vertx, dir)) {
      runId = node.awaitRun(TestNode.firstRunId(node.register(new JsonObject().put("id", "ke-registry")
          .put("title", "Kenya").put("url", registry.url("/dpgs")).put("format", "dpga-json")))).getString("id");
    }
    List<ILoggingEvent> runLines = captured.list.stream()
        .filter(e -> e.getLoggerName().startsWith("org.dpgfed.harvester.harvest")).toList();
    assertTrue(runLines.size() >= 2, "a run logs its start and its end: " + runLines);
    for (ILoggingEvent line : runLines) {
      assertEquals(runId, line.getMDCPropertyMap().get("runId"), line.getFormattedMessage());
      assertEquals("ke-registry", line.getMDCPropertyMap().get("sourceId"), line.getFormattedMessage());
    }
  }

  @Test
  void aGeneratedAdminTokenIsAnnouncedButNeverLogged() {
    Map<String, String> env = TestNode.environment(dir);
    env.remove("DPG_ADMIN_TOKEN");
    AtomicReference<String> announced = new AtomicReference<>();
    Node node = TestNode.await(Main.start(vertx, ConfigLoader.load(null, env), announced::set));
    TestNode.await(node.close());
    assertTrue(announced.get() != null && announced.get().length() >= 32, "the token was announced");
    assertTrue(captured.list.stream().noneMatch(e -> e.getFormattedMessage().contains(announced.get())),
        "the token appears in no log line");
  }
}
