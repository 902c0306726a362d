package org.dpgfed.harvester.web.ui;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.dpgfed.harvester.testing.TestNode;

/** A node with two harvested sources for the interface's tests: the e2e registry and one with problems. */
final class UiNode {
  static final String REGISTRY = "ui-registry";
  static final String PROBLEMS = "ui-problems";

  private UiNode() {}

  static TestNode start(Vertx vertx, Path dir) throws IOException {
    Path config = dir.resolve("harvester.yaml");
    Files.writeString(config, """
        sources:
          - id: %s
            title: Interface test registry
            url: %s
            format: dpga-json
            schedule: manual
          - id: %s
            title: Registry with problems
            url: %s
            format: dpga-json
            schedule: manual
        """.formatted(REGISTRY, Path.of("src/test/resources/e2e/registry-v1.json").toAbsolutePath().toUri(),
        PROBLEMS, Path.of("src/test/resources/admin/registry-with-problems.json").toAbsolutePath().toUri()));
    TestNode node = TestNode.start(vertx, config, TestNode.environment(dir.resolve("data")));
    for (String id : new String[] {REGISTRY, PROBLEMS}) {
      node.awaitRun(node.source(id).getJsonObject("status").getJsonObject("lastRun").getString("id"));
    }
    return node;
  }

  /** The one number a SELECT of {@code ?n} answers, through /sparql. */
  static long count(TestNode node, String query) {
    try (var exec = QueryExecutionHTTP.service(node.url("/sparql")).query(query).build()) {
      QuerySolution row = exec.execSelect().next();
      return row.getLiteral("n").getLong();
    }
  }

  static long productsWithGoal(TestNode node, int goal) {
    return count(node, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?r <http://xmlns.com/foaf/0.1/primaryTopic> ?p . "
        + "?p <http://purl.org/dc/terms/subject> <http://metadata.un.org/sdg/" + goal + "> }");
  }
}
