package org.dpgfed.harvester.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document the node serves matches the routes it has, and holds together. */
class OpenApiDocumentTest {
  @TempDir static Path dir;
  static Vertx vertx;
  static TestNode node;
  static JsonNode document;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    node = TestNode.start(vertx, dir.resolve("data"));
    HttpResponse<String> response = Http.get(node.url("/api/openapi.yaml"), null);
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/yaml"));
    document = new ObjectMapper(new YAMLFactory()).readTree(response.body());
  }

  @AfterAll
  static void stop() {
    node.close();
    vertx.close();
  }

  @Test
  void isAnOpenApi3Document() {
    assertTrue(document.path("openapi").asText().matches("3\\.[01]\\.\\d+"), document.path("openapi").asText());
    assertFalse(document.path("info").path("title").asText().isEmpty());
    assertTrue(document.path("paths").size() > 5);
  }

  @Test
  void everyApiRouteOfTheNodeIsInTheDocumentAndNothingElse() {
    Set<String> routes = new TreeSet<>();
    for (String route : node.routes()) {
      if (route.split(" ")[1].startsWith("/api/")) {
        routes.add(route.replaceAll(":([A-Za-z]+)", "{$1}"));
      }
    }
    Set<String> documented = new TreeSet<>();
    document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
      if (!method.equals("parameters")) {
        documented.add(method.toUpperCase() + " " + path.getKey());
      }
    }));
    assertEquals(routes, documented);
    assertTrue(routes.size() >= 13, routes.toString());
  }

  @Test
  void everyOperationHasAUniqueIdAndEveryReferenceResolves() {
    Set<String> ids = new HashSet<>();
    document.path("paths").forEach(path -> path.fields().forEachRemaining(op -> {
      if (!op.getKey().equals("parameters")) {
        assertTrue(ids.add(op.getValue().path("operationId").asText()), "operationId of " + op.getKey());
        assertTrue(op.getValue().path("responses").size() > 0);
      }
    }));
    List<String> refs = new ArrayList<>();
    collectRefs(document, refs);
    assertFalse(refs.isEmpty());
    for (String ref : refs) {
      assertTrue(ref.startsWith("#/"), ref);
      assertFalse(document.at(ref.substring(1)).isMissingNode(), "unresolved " + ref);
    }
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.has("$ref")) {
      refs.add(node.get("$ref").asText());
    }
    node.forEach(child -> collectRefs(child, refs));
  }

  @Test
  void theReadmeAndTheApiDocsLinkIt() throws Exception {
    assertTrue(Files.readString(Path.of("README.md")).contains("/api/openapi.yaml"));
    assertTrue(Files.readString(Path.of("docs/API.md")).contains("/api/openapi.yaml"));
  }
}
