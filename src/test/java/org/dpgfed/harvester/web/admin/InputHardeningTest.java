package org.dpgfed.harvester.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.RawHttp;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bodies over the cap, unknown fields and parameters, and ids that try to smuggle separators. */
class InputHardeningTest {
  private static final String[] ODD_IDS = {"a..b", "..", "a%2Fb", "a%2fb", "%2E%2E", "%2e%2e%2fetc", "a%5Cb",
      "a%00b", "a%0Ab", "a%1Fb", "a%7Fb", "a%252Fb", "%20", "a%C3%A9"};

  @TempDir static Path dir;
  static Vertx vertx;
  static TestNode node;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    Map<String, String> env = TestNode.environment(dir.resolve("data"));
    env.put("DPG_HTTP_MAX_BODY_BYTES", "4096");
    node = TestNode.start(vertx, null, env);
  }

  @AfterAll
  static void stop() {
    node.close();
    vertx.close();
  }

  static HttpResponse<String> call(String method, String path, String body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(path))).header("Authorization", "Bearer " + TestNode.ADMIN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return Http.send(request);
  }

  @Test
  void bodiesOverTheCapAre413OnApiAndSparql() {
    String big = "{\"id\":\"big\",\"title\":\"" + "x".repeat(5000) + "\"}";
    HttpResponse<String> api = call("POST", "/api/sources", big, "application/json");
    assertEquals(413, api.statusCode());
    assertTrue(api.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
    HttpResponse<String> sparql = Http.post(node.url("/sparql"), "application/sparql-query",
        "SELECT * WHERE { ?s ?p ?o } #" + "x".repeat(5000));
    assertEquals(413, sparql.statusCode());
    HttpResponse<String> chunked = Http.send(HttpRequest.newBuilder(URI.create(node.url("/api/tokens")))
        .header("Authorization", "Bearer " + TestNode.ADMIN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));
    assertEquals(413, chunked.statusCode(), "a body without Content-Length is capped too");
  }

  @Test
  void oddIdsInPathsAre400OnEveryRouteWithAnId() {
    for (String id : ODD_IDS) {
      assertEquals(400, RawHttp.status(node.port(), "GET", "/api/sources/" + id), id);
      assertEquals(400, RawHttp.status(node.port(), "GET", "/api/sources/" + id + "/runs"), id);
      assertEquals(400, RawHttp.status(node.port(), "GET", "/api/runs/" + id), id);
      assertEquals(400, RawHttp.status(node.port(), "GET", "/api/runs/" + id + "/report"), id);
      String auth = "Authorization: Bearer " + TestNode.ADMIN;
      assertEquals(400, RawHttp.status(node.port(), "DELETE", "/api/sources/" + id, auth), id);
      assertEquals(400, RawHttp.status(node.port(), "POST", "/api/sources/" + id + "/harvest", auth), id);
      assertEquals(400, RawHttp.status(node.port(), "DELETE", "/api/tokens/" + id, auth), id);
    }
    assertEquals(400, RawHttp.status(node.port(), "GET", "/api/sources/../tokens"));
    assertEquals(400, RawHttp.status(node.port(), "GET", "/api/sources/./x"));
    assertEquals(400, RawHttp.status(node.port(), "GET", "/api/sources/a\\b"));
  }

  @Test
  void oddIdsInBodiesAre400NamingTheField() {
    for (String id : new String[] {"a/b", "../x", "a%2Fb", "a\u0000b", "a\nb", "a..b", "A", ""}) {
      JsonObject body = new JsonObject().put("id", id).put("title", "t").put("url", "https://example.org/r.json")
          .put("format", "dpga-json");
      HttpResponse<String> response = call("POST", "/api/sources", body.encode(), "application/json");
      assertEquals(400, response.statusCode(), id);
      assertTrue(new JsonObject(response.body()).getJsonArray("errors").encode().contains("\"id\""), response.body());
    }
  }

  @Test
  void unknownParametersFieldsAndBadValuesAre400() {
    for (String query : new String[] {"?colour=red", "?limit=0", "?limit=101", "?limit=ten", "?limit=1&limit=2",
        "?after=%FF", "?after=not+a+cursor", "?limit=%zz"}) {
      assertEquals(400, RawHttp.status(node.port(), "GET", "/api/sources" + query), query);
    }
    assertEquals(400, call("GET", "/api/runs/20260101T000000000Z-00000000?wait=forever", null, null).statusCode());
    assertEquals(400, call("POST", "/api/sources/any/harvest", "{\"now\":true}", "application/json").statusCode());
    assertEquals(400, call("POST", "/api/tokens", "{\"name\":\"a\",\"sources\":[\"ke-*\"],\"x\":1}", "application/json").statusCode());
    assertEquals(400, call("POST", "/api/tokens", "{\"name\":\"a\",\"name\":\"b\",\"sources\":[\"ke-*\"]}", "application/json").statusCode(),
        "a repeated key is refused");
  }

  @Test
  void aBodyThatIsNotJsonIs415() {
    assertEquals(415, call("POST", "/api/sources", "id=x", "application/x-www-form-urlencoded").statusCode());
    assertEquals(415, call("POST", "/api/tokens", "{}", null).statusCode());
  }
}
