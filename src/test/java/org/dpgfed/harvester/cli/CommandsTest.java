package org.dpgfed.harvester.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: help for each command, validate on good and bad files, harvest against a running node. */
class CommandsTest {
  private static final String GOOD = "[{\"id\": \"ok-1\", \"name\": \"Good Tool\", \"repositories\": [{\"url\": \"https://github.com/example/good-tool\"}],"
      + " \"license\": [{\"spdx\": \"MIT\"}], \"SDGs\": [[3, \"Good Health\"]], \"type\": [\"software\"]}]";
  private static final String BAD = "[{\"id\": \"no-name\", \"repositories\": [{\"url\": \"https://github.com/example/nameless\"}]},"
      + " {\"id\": \"ok-2\", \"name\": \"Fine Tool\", \"repositories\": [{\"url\": \"https://github.com/example/fine\"}], \"license\": [{\"spdx\": \"GPL-3.0\"}]}]";

  @TempDir Path tmp;
  Vertx vertx;
  FakeRegistry registry;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    registry = FakeRegistry.on(vertx);
  }

  @AfterEach
  void stop() {
    vertx.close();
  }

  /** Runs with standard output captured; answers the exit code. */
  private int captured(IntSupplier run) {
    PrintStream saved = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      return run.getAsInt();
    } finally {
      System.setOut(saved);
    }
  }

  private int cli(String... args) {
    return captured(() -> new Commands(List.of(new Serve(), new Harvest(), new Validate(), new Backup(), new Export(),
        new Restore(), new ResetAdminToken()), Map.of("DPG_ADMIN_TOKEN", TestNode.ADMIN)).run(args));
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyCommandExplainsItselfWithHelp() {
    for (String command : List.of("serve", "harvest", "validate", "backup", "export", "restore", "reset-admin-token")) {
      out.reset();
      assertEquals(0, cli(command, "--help"));
      assertTrue(output().startsWith("usage: java -jar dpg-harvester.jar " + (command.equals("serve") ? "[serve]" : command)), output());
    }
    out.reset();
    assertEquals(0, cli("--help"));
    assertTrue(output().contains("validate") && output().contains("restore"), output());
    assertEquals(2, cli("frobnicate"));
    assertEquals(2, cli("validate", "file.json"), "--format is required");
  }

  @Test
  void validateReportsAGoodFileWithoutViolations() throws Exception {
    Path file = Files.writeString(tmp.resolve("good.json"), GOOD);
    assertEquals(0, cli("validate", file.toString(), "--format", "dpga-json"));
    assertTrue(output().startsWith(file + ": 1 records (1 valid, 0 with violations)"), output());
    assertTrue(!output().contains("violation "), output());
  }

  @Test
  void validateChecksTheShapesAsAHarvestWould() throws Exception {
    Path file = Files.writeString(tmp.resolve("unlicensed.json"),
        "[{\"id\":\"no-licence\",\"name\":\"Unlicensed tool\",\"type\":[\"software\"],\"SDGs\":[{\"SDGNumber\":4}]}]");
    assertEquals(1, cli("validate", file.toString(), "--format", "dpga-json"));
    assertTrue(output().contains("violation") && output().contains("http://purl.org/dc/terms/license"), output());
  }

  @Test
  void validateReportsEachProblemOfABadFileAndFails() throws Exception {
    Path file = Files.writeString(tmp.resolve("bad.json"), BAD);
    assertEquals(1, cli("validate", file.toString(), "--format", "dpga-json"));
    String report = output();
    assertTrue(report.startsWith(file + ": 2 records (0 valid, 2 with violations)"), report);
    assertTrue(report.contains("violation record=no-name path=/0/name: the record has no name"), report);
    Path notJson = Files.writeString(tmp.resolve("broken.json"), "{ not json");
    out.reset();
    assertEquals(1, cli("validate", notJson.toString(), "--format", "dpga-json"));
    assertTrue(output().contains("cannot be read as dpga-json"), output());
  }

  @Test
  void harvestWaitsForTheRunAndFailsWhenTheRunFails() {
    registry.serve("/good.json", FakeRegistry.Answer.json(GOOD));
    registry.serve("/gone.json", FakeRegistry.Answer.status(404));
    Map<String, String> env = TestNode.environment(tmp.resolve("data"));
    try (TestNode node = TestNode.start(vertx, null, env)) {
      for (String id : List.of("good", "gone")) {
        node.awaitRun(TestNode.firstRunId(node.register(new JsonObject().put("id", id).put("title", id)
            .put("url", registry.url("/" + id + ".json")).put("format", "dpga-json"))));
      }
      assertEquals(0, cli("harvest", "good", "--node", node.url("")));
      assertTrue(output().contains(": unchanged, records 1"), output());
      out.reset();
      assertEquals(1, cli("harvest", "gone", "--node", node.url("")));
      assertTrue(output().contains(": failed") && output().contains("404"), output());
      assertEquals(1, cli("harvest", "nobody", "--node", node.url("")), "an unknown source");
    }
  }
}
