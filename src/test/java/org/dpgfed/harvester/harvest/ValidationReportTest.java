package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each run checks its records against the shapes; the report is also a SHACL validation report. */
class ValidationReportTest {
  private static final String PREFIXES = """
      PREFIX sh: <http://www.w3.org/ns/shacl#>
      PREFIX dct: <http://purl.org/dc/terms/>
      PREFIX dpg: <https://w3id.org/dpgfed/vocab#>
      """;
  private static final String RECORDS = TestNode.BASE + "/id/record/shapes/";

  @TempDir static Path dir;
  static Vertx vertx;
  static TestNode node;
  static JsonObject run;

  @BeforeAll
  static void harvest() {
    vertx = Vertx.vertx();
    FakeRegistry registry = FakeRegistry.on(vertx);
    registry.serveFile("/dpgs", Path.of("src/test/resources/harvest/shapes-registry.json"));
    node = TestNode.start(vertx, dir);
    run = node.awaitRun(TestNode.firstRunId(node.register(new JsonObject().put("id", "shapes").put("title", "Shapes")
        .put("url", registry.url("/dpgs")).put("format", "dpga-json"))));
  }

  @AfterAll
  static void stop() {
    node.close();
    vertx.close();
  }

  @Test
  void aRecordWithoutLicenceIsLeftOutAndCountedInvalid() {
    assertEquals("succeeded", run.getString("status"), run.encode());
    assertEquals(2, run.getInteger("records"));
    assertEquals(1, run.getInteger("invalid"));
    assertFalse(ask("ASK { <" + RECORDS + "no-licence> ?p ?o }"), "the invalid record is not stored");
    assertTrue(ask("ASK { <" + RECORDS + "terse> ?p ?o }"), "a record with warnings is kept");
  }

  @Test
  void theReportNamesRecordSeverityPropertyAndMessage() {
    List<JsonObject> problems = report();
    assertTrue(problems.contains(new JsonObject().put("record", RECORDS + "no-licence").put("severity", "violation")
        .put("path", "http://purl.org/dc/terms/license").put("message", "the product has no licence (dct:license)")),
        problems.toString());
    assertTrue(problems.contains(new JsonObject().put("record", RECORDS + "terse").put("severity", "warning")
        .put("path", "http://purl.org/dc/terms/description").put("message", "the product has no description (dct:description)")),
        problems.toString());
    assertTrue(problems.stream().noneMatch(p -> p.getString("record", "").endsWith("/complete")), problems.toString());
  }

  @Test
  void theMetaGraphHoldsTheSameReportAsAShaclValidationReport() {
    String report = "<" + TestNode.BASE + "/id/run/" + run.getString("id") + "> dpg:validationReport ?report . "
        + "?report a sh:ValidationReport ; sh:conforms false . ";
    assertTrue(ask("ASK { " + report + " ?report sh:result [ a sh:ValidationResult ; sh:focusNode <" + RECORDS
        + "no-licence> ; sh:resultPath dct:license ; sh:resultSeverity sh:Violation ; "
        + "sh:sourceConstraintComponent sh:MinCountConstraintComponent ; "
        + "sh:sourceShape <https://w3id.org/dpgfed/shapes#license> ; sh:resultMessage ?m ] }"));
    String count = PREFIXES + "SELECT (COUNT(?r) AS ?n) WHERE { " + report + " ?report sh:result ?r }";
    try (QueryExecution q = QueryExecutionHTTP.service(node.url("/sparql")).query(count).build()) {
      QuerySolution row = q.execSelect().next();
      assertEquals(report().size(), row.getLiteral("n").getInt(), "one result per problem of the report");
    }
  }

  private static List<JsonObject> report() {
    JsonObject page = TestNode.await(node.client().get("/api/runs/" + run.getString("id") + "/report?limit=100").send())
        .bodyAsJsonObject();
    return page.getJsonArray("items").stream().map(o -> (JsonObject) o).toList();
  }

  private static boolean ask(String query) {
    try (QueryExecution q = QueryExecutionHTTP.service(node.url("/sparql")).query(PREFIXES + query).build()) {
      return q.execAsk();
    }
  }
}
