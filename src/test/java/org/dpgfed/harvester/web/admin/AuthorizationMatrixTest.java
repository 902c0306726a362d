package org.dpgfed.harvester.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Every /api route against every kind of caller: no token, an unknown token, an operator acting on
 * a source in its patterns, the same operator outside them, a revoked token, and the admin. Each
 * cell gets fresh resources, so the cells do not depend on each other.
 */
class AuthorizationMatrixTest {
  enum Caller { NONE, UNKNOWN, IN_SCOPE, OUT_OF_SCOPE, REVOKED, ADMIN }

  /** What a route needs to be called once: built per cell. */
  private record Call(String method, String path, String body) {}

  private interface Route {
    Call prepare(Caller caller);
  }

  private static final String UNKNOWN = "not-a-token-of-this-node-0123456789";

  @TempDir static Path dir;
  static Vertx vertx;
  static FakeRegistry registry;
  static TestNode node;
  static String operator;
  static String revoked;
  static String runId;
  static ListAppender<ILoggingEvent> logs;
  static final AtomicInteger COUNTER = new AtomicInteger();

  @BeforeAll
  static void start() {
    logs = new ListAppender<>();
    logs.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    vertx = Vertx.vertx();
    registry = FakeRegistry.on(vertx);
    registry.serveFile("/v1.json", Path.of("src/test/resources/e2e/registry-v1.json"));
    node = TestNode.start(vertx, dir.resolve("data"));
    operator = issue("Kenya operators", "ke-*").getString("token");
    JsonObject doomed = issue("Former operator", "ke-*");
    revoked = doomed.getString("token");
    assertEquals(204, call("DELETE", "/api/tokens/" + doomed.getString("id"), TestNode.ADMIN, null).statusCode());
    runId = node.awaitRun(TestNode.firstRunId(node.register(source("ke-base").put("enabled", true)))).getString("id");
  }

  @AfterAll
  static void stop() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    node.close();
    vertx.close();
  }

  static JsonObject issue(String name, String... patterns) {
    HttpResponse<String> response = call("POST", "/api/tokens", TestNode.ADMIN,
        new JsonObject().put("name", name).put("sources", new JsonArray(List.of(patterns))).encode());
    assertEquals(201, response.statusCode(), response.body());
    return new JsonObject(response.body());
  }

  static JsonObject source(String id) {
    return new JsonObject().put("id", id).put("title", "Source " + id).put("url", registry.url("/v1.json"))
        .put("format", "dpga-json").put("schedule", "manual").put("enabled", false);
  }

  static HttpResponse<String> call(String method, String path, String token, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(path)))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return Http.send(request);
  }

  /** A source id the caller's rights are about: outside ke-* for the out-of-scope cell. */
  static String freshId(Caller caller) {
    return (caller == Caller.OUT_OF_SCOPE ? "ug-" : "ke-") + "cell-" + COUNTER.incrementAndGet();
  }

  static String existing(Caller caller) {
    String id = freshId(caller);
    node.register(source(id));
    return id;
  }

  static String enabled(Caller caller) {
    String id = freshId(caller);
    node.register(source(id).put("enabled", true));
    return id;
  }

  static String token(Caller caller) {
    return switch (caller) {
      case NONE -> null;
      case UNKNOWN -> UNKNOWN;
      case IN_SCOPE, OUT_OF_SCOPE -> operator;
      case REVOKED -> revoked;
      case ADMIN -> TestNode.ADMIN;
    };
  }

  static Map<String, Route> routes() {
    Map<String, Route> routes = new LinkedHashMap<>();
    routes.put("GET /api/sources", c -> new Call("GET", "/api/sources", null));
    routes.put("POST /api/sources", c -> new Call("POST", "/api/sources", source(freshId(c)).encode()));
    routes.put("GET /api/sources/{id}", c -> new Call("GET", "/api/sources/" + existing(c), null));
    routes.put("PUT /api/sources/{id}", c -> {
      String id = existing(c);
      return new Call("PUT", "/api/sources/" + id, source(id).put("title", "Renamed").encode());
    });
    routes.put("DELETE /api/sources/{id}", c -> new Call("DELETE", "/api/sources/" + existing(c), null));
    routes.put("POST /api/sources/{id}/harvest", c -> new Call("POST", "/api/sources/" + enabled(c) + "/harvest", null));
    routes.put("GET /api/sources/{id}/runs", c -> new Call("GET", "/api/sources/" + existing(c) + "/runs", null));
    routes.put("GET /api/runs/{runId}", c -> new Call("GET", "/api/runs/" + runId, null));
    routes.put("GET /api/runs/{runId}/report", c -> new Call("GET", "/api/runs/" + runId + "/report", null));
    routes.put("POST /api/tokens", c -> new Call("POST", "/api/tokens",
        new JsonObject().put("name", "cell").put("sources", new JsonArray().add("tz-*")).encode()));
    routes.put("GET /api/tokens", c -> new Call("GET", "/api/tokens", null));
    routes.put("DELETE /api/tokens/{id}", c -> new Call("DELETE", "/api/tokens/" + issue("throwaway", "tz-*").getString("id"), null));
    routes.put("POST /api/backup", c -> new Call("POST", "/api/backup?graph=" + java.net.URLEncoder.encode(
        "urn:x-dpg:no-such-graph", java.nio.charset.StandardCharsets.UTF_8), null));
    routes.put("GET /api/openapi.yaml", c -> new Call("GET", "/api/openapi.yaml", null));
    return routes;
  }

  /** The contract: reads are public, source changes need rights on the source, tokens are the admin's. */
  static int expected(String route, Caller caller) {
    if (caller == Caller.UNKNOWN || caller == Caller.REVOKED) {
      return 401;
    }
    boolean read = route.startsWith("GET ") && !route.equals("GET /api/tokens");
    if (read) {
      return 200;
    }
    if (caller == Caller.NONE) {
      return 401;
    }
    boolean adminOnly = route.contains("/api/tokens") || route.equals("POST /api/backup");
    if (caller == Caller.OUT_OF_SCOPE || adminOnly && caller == Caller.IN_SCOPE) {
      return 403;
    }
    return switch (route) {
      case "POST /api/sources", "POST /api/tokens" -> 201;
      case "DELETE /api/sources/{id}", "DELETE /api/tokens/{id}" -> 204;
      case "POST /api/sources/{id}/harvest" -> 202;
      case "POST /api/backup" -> 404; // the admin passes; the graph asked for does not exist
      default -> 200;
    };
  }

  @Test
  void everyRouteAnswersEveryCallerAsTheContractSays() throws Exception {
    StringBuilder table = new StringBuilder(String.format("%-32s", "route"));
    for (Caller caller : Caller.values()) {
      table.append(String.format(" %-12s", caller.name().toLowerCase().replace('_', '-')));
    }
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Route> route : routes().entrySet()) {
      table.append(String.format("%n%-32s", route.getKey()));
      for (Caller caller : Caller.values()) {
        Call call = route.getValue().prepare(caller);
        HttpResponse<String> response = call(call.method(), call.path(), token(caller), call.body());
        int want = expected(route.getKey(), caller);
        table.append(String.format(" %-12s", response.statusCode() + (response.statusCode() == want ? "" : " (want " + want + ")")));
        if (response.statusCode() != want) {
          wrong.add(route.getKey() + " as " + caller + ": " + response.statusCode() + " " + response.body());
        }
        assertNoSecretIn(response);
      }
    }
    System.out.println(table);
    Files.writeString(Path.of("target/authorization-matrix.txt"), table + "\n");
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  private static void assertNoSecretIn(HttpResponse<String> response) {
    for (String secret : new String[] {operator, revoked, UNKNOWN, TestNode.ADMIN}) {
      assertFalse(response.body().contains(secret), "a response repeats a token: " + response.body());
      response.headers().map().values().forEach(v -> assertFalse(v.toString().contains(secret)));
    }
    if (response.statusCode() == 401) {
      assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
      assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
    }
  }

  @Test
  void noTokenEverReachesTheLogs() {
    call("POST", "/api/sources", UNKNOWN, source("ke-logged").encode());
    call("POST", "/api/sources", operator, source("ug-logged").encode());
    call("GET", "/api/sources", "Bearer " + operator, null);
    for (ILoggingEvent event : List.copyOf(logs.list)) {
      String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
      for (String secret : new String[] {operator, revoked, UNKNOWN, TestNode.ADMIN}) {
        assertFalse(line.contains(secret), "a log line carries a token: " + line);
      }
    }
  }

  @Test
  void listingShowsTokensWithoutSecretsAndTheFileKeepsOnlyHashes() throws Exception {
    JsonObject issued = issue("Listed operator", "ke-*", "tz-health");
    assertEquals(List.of("id", "name", "sources", "token"), List.copyOf(issued.fieldNames()).stream().sorted().toList());
    HttpResponse<String> list = call("GET", "/api/tokens?limit=100", TestNode.ADMIN, null);
    assertEquals(200, list.statusCode());
    JsonObject listed = new JsonObject(list.body()).getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(t -> t.getString("id").equals(issued.getString("id"))).findFirst().orElseThrow();
    assertEquals(List.of("createdAt", "id", "name", "sources"), listed.fieldNames().stream().sorted().toList());
    assertEquals(new JsonArray().add("ke-*").add("tz-health"), listed.getJsonArray("sources"));
    assertFalse(list.body().contains(issued.getString("token")));
    String kept = Files.readString(dir.resolve("data/operator-tokens.json"));
    assertTrue(kept.contains(issued.getString("id")));
    assertFalse(kept.contains(issued.getString("token")), "only a salted hash is kept");
    HttpResponse<String> meta = Http.get(node.url("/sparql?query=") + Http.encode(
        "ASK { GRAPH ?g { ?s ?p ?o FILTER(CONTAINS(STR(?o), \"" + issued.getString("id") + "\")) } }"), null);
    assertTrue(meta.body().contains("false"), "tokens are never in RDF: " + meta.body());
  }

  @Test
  void revokingWorksAtOnceAndASecondRevocationIs404() {
    JsonObject issued = issue("Short-lived", "ke-*");
    String token = issued.getString("token");
    assertEquals(202, call("POST", "/api/sources/ke-base/harvest", token, null).statusCode());
    assertEquals(204, call("DELETE", "/api/tokens/" + issued.getString("id"), TestNode.ADMIN, null).statusCode());
    assertEquals(401, call("POST", "/api/sources/ke-base/harvest", token, null).statusCode());
    assertEquals(401, call("GET", "/api/sources", token, null).statusCode());
    assertEquals(404, call("DELETE", "/api/tokens/" + issued.getString("id"), TestNode.ADMIN, null).statusCode());
  }

  @Test
  void patternsMatchWholeIdsWithStarAsTheOnlyWildcard() {
    String token = issue("Exact", "tz-health", "ng-*-data").getString("token");
    assertEquals(201, call("POST", "/api/sources", token, source("tz-health").encode()).statusCode());
    assertEquals(403, call("POST", "/api/sources", token, source("tz-health-2").encode()).statusCode());
    assertEquals(201, call("POST", "/api/sources", token, source("ng-moh-data").encode()).statusCode());
    assertEquals(403, call("POST", "/api/sources", token, source("ng-moh-data-x").encode()).statusCode());
  }

  @Test
  void refusesMalformedTokenRequests() {
    for (String body : new String[] {"{}", "{\"name\":\"x\"}", "{\"name\":\"x\",\"sources\":[]}",
        "{\"name\":\"x\",\"sources\":[\"KE-*\"]}", "{\"name\":\"x\",\"sources\":[\"../*\"]}",
        "{\"name\":\"x\",\"sources\":[\"ke-*\"],\"admin\":true}", "{\"name\":\"\\u0000\",\"sources\":[\"ke-*\"]}",
        "{\"name\":7,\"sources\":\"ke-*\"}", "[]", "not json"}) {
      HttpResponse<String> response = call("POST", "/api/tokens", TestNode.ADMIN, body);
      assertEquals(400, response.statusCode(), body + " -> " + response.body());
    }
  }
}
