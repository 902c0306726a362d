package org.dpgfed.harvester.web.admin;

import static org.dpgfed.harvester.testing.Http.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operators' API for sources and runs, as API.md fixes it: the real server over real HTTP,
 * a fake registry upstream. Each test registers sources under ids of its own, so they share one node.
 */
class SourcesApiTest {
  private static final String ADMIN = TestNode.ADMIN;
  private static final String BASE = TestNode.BASE;
  private static final String PROBLEM_JSON = "application/problem+json";

  @TempDir static Path dir;
  static Vertx vertx;
  static FakeRegistry registry;
  static TestNode node;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    registry = FakeRegistry.on(vertx);
    registry.serveFile("/v1.json", Path.of("src/test/resources/e2e/registry-v1.json"));
    registry.serveFile("/problems.json", Path.of("src/test/resources/admin/registry-with-problems.json"));
    registry.serveFile("/disabled.json", Path.of("src/test/resources/e2e/registry-v1.json"));
    registry.serve("/silent.json", Answer.silence());
    Map<String, String> env = TestNode.environment(dir.resolve("data"));
    env.put("DPG_HARVEST_FIRST_BYTE_TIMEOUT", "PT3S");
    env.put("DPG_HARVEST_MAX_ATTEMPTS", "1");
    node = TestNode.start(vertx, null, env);
  }

  @AfterAll
  static void stop() {
    node.close();
    vertx.close();
  }

  // --- registering -------------------------------------------------------------------------

  @Test
  void registersASourceWith201LocationAndTheSourceAndHarvestsItAtOnce() {
    JsonObject sent = source("created", "/v1.json").put("schedule", "PT1H").put("country", "KE");
    HttpResponse<String> response = call("POST", "/api/sources", ADMIN, sent.encode());
    assertEquals(201, response.statusCode(), response.body());
    assertEquals(BASE + "/api/sources/created", header(response, "Location"));
    assertTrue(header(response, "Content-Type").startsWith("application/json"));
    JsonObject body = new JsonObject(response.body());
    for (String field : sent.fieldNames()) {
      assertEquals(sent.getValue(field), body.getValue(field), field);
    }
    Instant.parse(body.getString("createdAt"));
    JsonObject lastRun = body.getJsonObject("status").getJsonObject("lastRun");
    assertNotNull(lastRun, "an enabled source starts its first run at once");
    assertEquals("created", lastRun.getString("source"));
    assertTrue(lastRun.getString("status").matches("queued|running|succeeded"), lastRun.encode());
    JsonObject run = node.awaitRun(lastRun.getString("id"));
    assertEquals("succeeded", run.getString("status"), run.encode());
    assertEquals(4, run.getInteger("records"));
  }

  @Test
  void registersADisabledSourceWithoutARun() {
    JsonObject body = created(source("disabled", "/disabled.json").put("enabled", false).put("schedule", "PT1H"));
    assertFalse(body.getBoolean("enabled"));
    assertNull(body.getJsonObject("status").getValue("lastRun"));
    assertNull(body.getJsonObject("status").getValue("nextRunAt"), "a disabled source never runs");
    assertTrue(items(read("/api/sources/disabled/runs")).isEmpty());
    assertEquals(0, registry.hits("/disabled.json"));
  }

  @Test
  void refusesABodyWithoutTheRequiredFields() {
    JsonObject problem = refused(post(new JsonObject().encode()));
    assertEquals(Set.of("id", "title", "url", "format"), fields(problem));
  }

  @Test
  void refusesAnUnknownField() {
    JsonObject problem = refused(post(source("unknown-field", "/v1.json").put("colour", "red").encode()));
    assertEquals(Set.of("colour"), fields(problem));
  }

  @Test
  void refusesIdsOutsideTheAllowedPattern() {
    for (String id : new String[] {"Upper-Case", "a..b", "..", "x".repeat(64), "-leading-dash", "with_underscore"}) {
      JsonObject problem = refused(post(source(id, "/v1.json").encode()));
      assertEquals(Set.of("id"), fields(problem), id);
    }
  }

  @Test
  void acceptsTheLongestAllowedId() {
    String id = "x".repeat(63);
    assertEquals(id, created(source(id, "/v1.json").put("enabled", false)).getString("id"));
  }

  @Test
  void refusesFileUrlsFromTheApi() {
    JsonObject problem = refused(post(source("file-url", "/v1.json").put("url", "file:///etc/passwd").encode()));
    assertEquals(Set.of("url"), fields(problem));
    refused(post(source("file-url", "/v1.json").put("url", "file:demo/dpga-registry.json").encode()));
  }

  @Test
  void refusesUrlsCarryingCredentials() {
    String url = registry.url("/v1.json").replace("http://", "http://operator:secret@");
    JsonObject problem = refused(post(source("credentials", "/v1.json").put("url", url).encode()));
    assertEquals(Set.of("url"), fields(problem));
    assertFalse(problem.encode().contains("secret"), "the refusal does not echo the password");
  }

  @Test
  void refusesSchemesOtherThanHttp() {
    for (String url : new String[] {"ftp://example.org/registry.json", "gopher://example.org/", "registry.json"}) {
      JsonObject problem = refused(post(source("scheme", "/v1.json").put("url", url).encode()));
      assertEquals(Set.of("url"), fields(problem), url);
    }
  }

  @Test
  void refusesSchedulesShorterThanTheMinimum() {
    // TestNode lowers harvest.minSchedule to PT1S
    JsonObject problem = refused(post(source("too-often", "/v1.json").put("schedule", "PT0.5S").encode()));
    assertEquals(Set.of("schedule"), fields(problem));
    assertTrue(problem.encode().contains("PT1S"), "names the minimum: " + problem.encode());
    created(source("often-enough", "/v1.json").put("schedule", "PT1S").put("enabled", false));
  }

  @Test
  void refusesSchedulesThatAreNotDurations() {
    for (String schedule : new String[] {"often", "6 hours", "30s", "P1Y"}) {
      JsonObject problem = refused(post(source("bad-schedule", "/v1.json").put("schedule", schedule).encode()));
      assertEquals(Set.of("schedule"), fields(problem), schedule);
    }
  }

  @Test
  void refusesCountriesThatAreNotAlpha2Codes() {
    for (String country : new String[] {"Kenya", "ke", "KEN", "XX"}) {
      JsonObject problem = refused(post(source("bad-country", "/v1.json").put("country", country).encode()));
      assertEquals(Set.of("country"), fields(problem), country);
    }
  }

  @Test
  void refusesAQueryOnASourceThatIsNotSparql() {
    JsonObject sent = source("query-on-json", "/v1.json").put("query", "CONSTRUCT WHERE { ?s ?p ?o }");
    assertEquals(Set.of("query"), fields(refused(post(sent.encode()))));
  }

  @Test
  void refusesAnUnknownFormat() {
    JsonObject problem = refused(post(source("bad-format", "/v1.json").put("format", "csv").encode()));
    assertEquals(Set.of("format"), fields(problem));
  }

  @Test
  void namesEveryBadFieldAtOnce() {
    JsonObject sent = source("Bad Id", "/v1.json").put("format", "csv").put("country", "Kenya").put("schedule", "often");
    assertEquals(Set.of("id", "format", "country", "schedule"), fields(refused(post(sent.encode()))));
  }

  @Test
  void refusesABodyThatIsNotJson() {
    refused(post("{\"id\": \"not-json\", "));
    refused(post("id=not-json&title=x"));
    refused(post(""));
  }

  @Test
  void refusesABodyThatIsAJsonArray() {
    refused(post(new JsonArray().add(source("in-an-array", "/v1.json")).encode()));
    refused(post("[]"));
    refused(post("\"a string\""));
  }

  @Test
  void answers409WhenTheIdIsTaken() {
    created(source("taken", "/v1.json").put("enabled", false));
    HttpResponse<String> again = post(source("taken", "/v1.json").put("title", "Another").encode());
    assertEquals(409, again.statusCode(), again.body());
    assertProblem(again, 409);
    assertEquals("Test registry taken", readJson("/api/sources/taken").getString("title"), "the first one stays");
  }

  // --- reading -----------------------------------------------------------------------------

  @Test
  void listsSourcesInPagesLinkedByAbsoluteNextUrls() {
    List<String> mine = List.of("page-a", "page-b", "page-c", "page-d", "page-e");
    mine.forEach(id -> created(source(id, "/v1.json").put("enabled", false)));
    JsonObject first = readJson("/api/sources");
    assertTrue(first.containsKey("next"), "a list always says where it goes on: " + first.encode());
    assertNotNull(readJson("/api/sources?limit=2").getString("next"), "five sources or more make several pages");
    List<String> seen = walk("/api/sources?limit=2", 2).stream().map(s -> s.getString("id")).toList();
    assertEquals(seen.size(), new HashSet<>(seen).size(), "no source twice: " + seen);
    assertTrue(seen.containsAll(mine), seen.toString());
    assertEquals(items(readJson("/api/sources?limit=100")).size(), seen.size(), "paging loses nothing");
  }

  @Test
  void followingNextStillWorksWhenTheLastItemOfThePageWasDeleted() {
    List<String> mine = List.of("cursor-a", "cursor-b", "cursor-c", "cursor-d");
    mine.forEach(id -> created(source(id, "/v1.json").put("enabled", false)));
    List<String> before = walk("/api/sources?limit=100", 100).stream().map(s -> s.getString("id")).toList();
    int at = before.indexOf("cursor-b");
    JsonObject page = readJson("/api/sources?limit=" + (at + 1));
    assertEquals("cursor-b", items(page).get(at).getString("id"));
    assertEquals(204, call("DELETE", "/api/sources/cursor-b", ADMIN, null).statusCode());
    URI next = URI.create(page.getString("next"));
    List<String> rest = items(readJson(next.getRawPath() + "?" + next.getRawQuery())).stream()
        .map(s -> s.getString("id")).toList();
    assertFalse(rest.isEmpty(), "the list goes on after the deleted item");
    assertEquals("cursor-c", rest.get(0));
  }

  @Test
  void refusesLimitsOutsideOneToAHundred() {
    created(source("limits", "/v1.json").put("enabled", false));
    for (String list : new String[] {"/api/sources", "/api/sources/limits/runs"}) {
      for (String limit : new String[] {"0", "101", "abc", "-1"}) {
        JsonObject problem = refused(call("GET", list + "?limit=" + limit, null, null));
        assertEquals(Set.of("limit"), fields(problem), list + "?limit=" + limit);
      }
      assertEquals(200, call("GET", list + "?limit=100", null, null).statusCode());
      assertEquals(200, call("GET", list + "?limit=1", null, null).statusCode());
    }
  }

  @Test
  void answersOneSourceOr404() {
    created(source("one", "/v1.json").put("enabled", false));
    JsonObject one = readJson("/api/sources/one");
    assertEquals("one", one.getString("id"));
    assertNotNull(one.getJsonObject("status"));
    HttpResponse<String> missing = call("GET", "/api/sources/no-such-source", null, null);
    assertEquals(404, missing.statusCode());
    assertProblem(missing, 404);
  }

  // --- replacing and deleting --------------------------------------------------------------

  @Test
  void replacesTheSettingsAndKeepsCreatedAt() {
    JsonObject before = created(source("replaced", "/v1.json").put("enabled", false).put("country", "KE"));
    JsonObject sentBack = readJson("/api/sources/replaced").put("title", "Renamed").put("schedule", "PT2H");
    sentBack.remove("country");
    HttpResponse<String> response = call("PUT", "/api/sources/replaced", ADMIN, sentBack.encode());
    assertEquals(200, response.statusCode(), response.body());
    JsonObject after = new JsonObject(response.body());
    assertEquals("Renamed", after.getString("title"));
    assertEquals("PT2H", after.getString("schedule"));
    assertNull(after.getValue("country"), "PUT replaces: a field left out is gone");
    assertEquals(before.getString("createdAt"), after.getString("createdAt"));
    assertEquals("Renamed", readJson("/api/sources/replaced").getString("title"));
  }

  @Test
  void replacingAcceptsABodyWithoutStatusOrCreatedAt() {
    JsonObject before = created(source("replaced-bare", "/v1.json").put("enabled", false));
    HttpResponse<String> response = call("PUT", "/api/sources/replaced-bare", ADMIN,
        source("replaced-bare", "/v1.json").put("enabled", false).put("title", "Bare").encode());
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(before.getString("createdAt"), new JsonObject(response.body()).getString("createdAt"));
  }

  @Test
  void refusesAReplacementWhoseIdDiffersFromThePath() {
    created(source("replaced-id", "/v1.json").put("enabled", false));
    JsonObject body = readJson("/api/sources/replaced-id").put("id", "another-id");
    JsonObject problem = refused(call("PUT", "/api/sources/replaced-id", ADMIN, body.encode()));
    assertEquals(Set.of("id"), fields(problem));
    assertEquals(404, call("GET", "/api/sources/another-id", null, null).statusCode());
  }

  @Test
  void refusesAnInvalidReplacementAndKeepsTheOldSettings() {
    created(source("replaced-bad", "/v1.json").put("enabled", false));
    JsonObject body = readJson("/api/sources/replaced-bad").put("schedule", "often").put("colour", "red");
    assertEquals(Set.of("schedule", "colour"), fields(refused(call("PUT", "/api/sources/replaced-bad", ADMIN, body.encode()))));
    assertEquals("manual", readJson("/api/sources/replaced-bad").getString("schedule"));
  }

  @Test
  void replacingAnUnknownSourceIs404() {
    HttpResponse<String> response = call("PUT", "/api/sources/never-registered", ADMIN,
        source("never-registered", "/v1.json").encode());
    assertEquals(404, response.statusCode(), response.body());
    assertProblem(response, 404);
  }

  @Test
  void deletingDropsTheSourceAndItsGraph() {
    JsonObject registered = created(source("deleted", "/v1.json"));
    assertEquals("succeeded", node.awaitRun(TestNode.firstRunId(registered)).getString("status"));
    assertTrue(triplesInGraphOf("deleted") > 0);
    HttpResponse<String> deleted = call("DELETE", "/api/sources/deleted", ADMIN, null);
    assertEquals(204, deleted.statusCode(), deleted.body());
    assertTrue(deleted.body().isEmpty());
    assertEquals(404, call("GET", "/api/sources/deleted", null, null).statusCode());
    assertEquals(404, call("DELETE", "/api/sources/deleted", ADMIN, null).statusCode());
    assertEquals(0, triplesInGraphOf("deleted"));
  }

  // --- harvesting and runs -----------------------------------------------------------------

  @Test
  void triggeringAnswers202WithTheRunAndItsLocation() {
    JsonObject registered = created(source("triggered", "/v1.json"));
    node.awaitRun(TestNode.firstRunId(registered));
    HttpResponse<String> response = call("POST", "/api/sources/triggered/harvest", ADMIN, null);
    assertEquals(202, response.statusCode(), response.body());
    JsonObject run = new JsonObject(response.body());
    assertEquals(BASE + "/api/runs/" + run.getString("id"), header(response, "Location"));
    assertEquals("triggered", run.getString("source"));
    assertTrue(run.getString("status").matches("queued|running|unchanged"), run.encode());
    JsonObject finished = node.awaitRun(run.getString("id"));
    assertEquals("unchanged", finished.getString("status"), "the same content again: " + finished.encode());
    assertEquals(run.getString("id"), readJson("/api/sources/triggered").getJsonObject("status")
        .getJsonObject("lastRun").getString("id"));
  }

  @Test
  void triggeringOrListingRunsOfAnUnknownSourceIs404() {
    HttpResponse<String> harvest = call("POST", "/api/sources/no-such-source/harvest", ADMIN, null);
    assertEquals(404, harvest.statusCode(), harvest.body());
    assertProblem(harvest, 404);
    HttpResponse<String> runs = call("GET", "/api/sources/no-such-source/runs", null, null);
    assertEquals(404, runs.statusCode(), runs.body());
    assertProblem(runs, 404);
  }

  @Test
  void registeringAgainAfterDeletingMidRunStartsAFreshRun() {
    String old = TestNode.firstRunId(created(source("doomed", "/silent.json")));
    TestNode.await(registry.awaitHits("/silent.json", 1));
    assertEquals(204, call("DELETE", "/api/sources/doomed", ADMIN, null).statusCode());
    assertEquals(404, call("GET", "/api/runs/" + old, null, null).statusCode(), "a deleted source's runs go with it");
    String fresh = TestNode.firstRunId(created(source("doomed", "/v1.json")));
    assertFalse(old.equals(fresh), "the new source's first run is not the deleted source's run " + old);
    JsonObject run = node.awaitRun(fresh);
    assertEquals("succeeded", run.getString("status"), run.encode());
    assertEquals(4, run.getInteger("records"));
  }

  @Test
  void triggeringWhileARunIsInProgressAnswersThatRun() {
    JsonObject registered = created(source("silent", "/silent.json"));
    String first = TestNode.firstRunId(registered);
    TestNode.await(registry.awaitHits("/silent.json", 1));
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> response = call("POST", "/api/sources/silent/harvest", ADMIN, null);
      assertEquals(202, response.statusCode(), response.body());
      assertEquals(first, new JsonObject(response.body()).getString("id"));
    }
    JsonObject run = node.awaitRun(first);
    assertEquals("failed", run.getString("status"));
    assertNotNull(run.getString("error"));
    assertEquals(1, items(readJson("/api/sources/silent/runs")).size(), "no second run was queued");
    assertEquals(1, readJson("/api/sources/silent").getJsonObject("status").getInteger("consecutiveFailures"));
  }

  @Test
  void listsRunsNewestFirstInPages() {
    JsonObject registered = created(source("history", "/v1.json"));
    List<String> started = new ArrayList<>(List.of(node.awaitRun(TestNode.firstRunId(registered)).getString("id")));
    started.add(node.harvest("history").getString("id"));
    started.add(node.harvest("history").getString("id"));
    List<String> newestFirst = List.of(started.get(2), started.get(1), started.get(0));
    List<String> listed = items(readJson("/api/sources/history/runs")).stream().map(r -> r.getString("id")).toList();
    assertEquals(newestFirst, listed);
    List<String> paged = walk("/api/sources/history/runs?limit=1", 1).stream().map(r -> r.getString("id")).toList();
    assertEquals(newestFirst, paged);
  }

  @Test
  void answersOneRunOr404() {
    JsonObject registered = created(source("one-run", "/v1.json"));
    String runId = TestNode.firstRunId(registered);
    node.awaitRun(runId);
    JsonObject run = readJson("/api/runs/" + runId);
    assertEquals(runId, run.getString("id"));
    assertEquals("one-run", run.getString("source"));
    Instant.parse(run.getString("startedAt"));
    Instant.parse(run.getString("finishedAt"));
    for (String count : new String[] {"records", "triples", "added", "removed", "invalid"}) {
      assertNotNull(run.getNumber(count), count);
    }
    for (String path : new String[] {"/api/runs/20000101T000000000Z-000000", "/api/runs/no-such-run/report"}) {
      HttpResponse<String> missing = call("GET", path, null, null);
      assertEquals(404, missing.statusCode(), path);
      assertProblem(missing, 404);
    }
  }

  @Test
  void reportListsTheProblemsOfTheRun() {
    JsonObject registered = created(source("problems", "/problems.json"));
    String runId = TestNode.firstRunId(registered);
    JsonObject run = node.awaitRun(runId);
    assertEquals("succeeded", run.getString("status"), run.encode());
    assertEquals(1, run.getInteger("invalid"), "the nameless record is invalid");
    List<JsonObject> problems = items(readJson("/api/runs/" + runId + "/report?limit=100"));
    JsonObject nameless = only(problems, BASE + "/id/record/problems/nameless", "violation");
    assertTrue(nameless.getString("path").endsWith("name"), nameless.encode());
    JsonObject lost = only(problems, BASE + "/id/record/problems/lost-city", "warning");
    assertTrue(lost.getString("path").contains("deploymentCountries"), lost.encode());
    assertTrue(lost.getString("message").contains("Atlantis"), lost.encode());
    for (JsonObject problem : problems) {
      assertTrue(problem.getString("severity").matches("violation|warning|info"), problem.encode());
      assertFalse(problem.getString("message").isBlank(), problem.encode());
    }
    assertEquals(problems, walk("/api/runs/" + runId + "/report?limit=1", 1), "paging the report loses nothing");
  }

  // --- tokens ------------------------------------------------------------------------------

  @Test
  void mutationsWithoutATokenAre401WithAChallenge() {
    created(source("guarded", "/v1.json").put("enabled", false));
    Map<String, String> calls = Map.of(
        "POST /api/sources", source("unguarded", "/v1.json").encode(),
        "PUT /api/sources/guarded", source("guarded", "/v1.json").put("title", "Hijacked").encode(),
        "DELETE /api/sources/guarded", "",
        "POST /api/sources/guarded/harvest", "");
    calls.forEach((call, body) -> {
      String[] parts = call.split(" ");
      HttpResponse<String> response = call(parts[0], parts[1], null, body.isEmpty() ? null : body);
      assertEquals(401, response.statusCode(), call);
      assertTrue(header(response, "WWW-Authenticate").startsWith("Bearer"), call);
      assertProblem(response, 401);
    });
    assertEquals(404, call("GET", "/api/sources/unguarded", null, null).statusCode());
    JsonObject guarded = readJson("/api/sources/guarded");
    assertEquals("Test registry guarded", guarded.getString("title"));
    assertNull(guarded.getJsonObject("status").getValue("lastRun"), "no run was triggered");
  }

  @Test
  void mutationsWithAWrongTokenAre401() {
    created(source("guarded-wrong", "/v1.json").put("enabled", false));
    String wrong = ADMIN + "-not";
    HttpResponse<String> post = call("POST", "/api/sources", wrong, source("wrong-token", "/v1.json").encode());
    HttpResponse<String> delete = call("DELETE", "/api/sources/guarded-wrong", wrong, null);
    HttpResponse<String> harvest = call("POST", "/api/sources/guarded-wrong/harvest", wrong, null);
    for (HttpResponse<String> response : List.of(post, delete, harvest)) {
      assertEquals(401, response.statusCode(), response.request().uri().toString());
      assertTrue(header(response, "WWW-Authenticate").startsWith("Bearer"));
      assertProblem(response, 401);
    }
    assertEquals(404, call("GET", "/api/sources/wrong-token", null, null).statusCode());
    assertEquals(200, call("GET", "/api/sources/guarded-wrong", null, null).statusCode());
  }

  @Test
  void aWrongTokenIsRefusedEvenOnAPublicRead() {
    HttpResponse<String> response = call("GET", "/api/sources", "not-the-admin-token", null);
    assertEquals(401, response.statusCode());
    assertProblem(response, 401);
  }

  @Test
  void readsNeedNoToken() {
    JsonObject registered = created(source("public-reads", "/v1.json"));
    String runId = TestNode.firstRunId(registered);
    node.awaitRun(runId);
    for (String path : new String[] {"/api/sources", "/api/sources/public-reads", "/api/sources/public-reads/runs",
        "/api/runs/" + runId, "/api/runs/" + runId + "/report"}) {
      HttpResponse<String> response = call("GET", path, null, null);
      assertEquals(200, response.statusCode(), path);
      assertTrue(header(response, "Content-Type").startsWith("application/json"), path);
      assertEquals(200, call("GET", path, ADMIN, null).statusCode(), "the admin may read too: " + path);
    }
  }

  @Test
  void noAnswerEverContainsTheAdminToken() {
    created(source("no-leak", "/v1.json").put("enabled", false));
    List<HttpResponse<String>> answers = List.of(
        post(source("No Leak", "/v1.json").encode()),
        post(source("no-leak", "/v1.json").encode()),
        call("PUT", "/api/sources/no-leak", ADMIN, new JsonObject().put("id", "other").encode()),
        call("GET", "/api/sources/absent", ADMIN, null),
        call("GET", "/api/sources?limit=0", ADMIN, null),
        call("GET", "/api/sources", ADMIN + "x", null),
        call("DELETE", "/api/sources/no-leak", "Basic " + ADMIN, null),
        call("GET", "/api/sources", ADMIN, null),
        call("GET", "/api/sources/no-leak", ADMIN, null));
    for (HttpResponse<String> answer : answers) {
      assertFalse(answer.body().contains(ADMIN), answer.request().method() + " " + answer.request().uri() + ": " + answer.body());
      answer.headers().map().forEach((name, values) ->
          assertFalse(values.toString().contains(ADMIN), name + " of " + answer.request().uri()));
    }
  }

  // --- helpers -----------------------------------------------------------------------------

  /** A valid, enabled, manual source of the fake registry's {@code path}. */
  private static JsonObject source(String id, String path) {
    return new JsonObject().put("id", id).put("title", "Test registry " + id)
        .put("url", registry.url(path)).put("format", "dpga-json").put("schedule", "manual");
  }

  /**
   * @param token the bearer token; a value with a space is sent as the whole header, null sends none
   */
  private static HttpResponse<String> call(String method, String path, String token, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(path))).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", token.contains(" ") ? token : "Bearer " + token);
    }
    return Http.send(request);
  }

  private static HttpResponse<String> post(String body) {
    return call("POST", "/api/sources", ADMIN, body);
  }

  private static JsonObject created(JsonObject source) {
    HttpResponse<String> response = post(source.encode());
    assertEquals(201, response.statusCode(), response.body());
    return new JsonObject(response.body());
  }

  private static HttpResponse<String> read(String path) {
    HttpResponse<String> response = call("GET", path, null, null);
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return response;
  }

  private static JsonObject readJson(String path) {
    return new JsonObject(read(path).body());
  }

  private static List<JsonObject> items(HttpResponse<String> response) {
    return items(new JsonObject(response.body()));
  }

  private static List<JsonObject> items(JsonObject page) {
    JsonArray items = page.getJsonArray("items");
    assertNotNull(items, page.encode());
    return items.stream().map(JsonObject.class::cast).toList();
  }

  /** Follows {@code next} links from {@code first}; each must be absolute under BASE. */
  private static List<JsonObject> walk(String first, int limit) {
    List<JsonObject> all = new ArrayList<>();
    String path = first;
    for (int pages = 0; path != null; pages++) {
      assertTrue(pages < 1000, "next links loop");
      JsonObject page = readJson(path);
      List<JsonObject> items = items(page);
      assertTrue(items.size() <= limit, page.encode());
      all.addAll(items);
      String next = page.getString("next");
      if (next != null) {
        assertTrue(next.startsWith(BASE + "/api/"), "next is an absolute URL under the public base: " + next);
        assertFalse(items.isEmpty(), "a page with a next link has items");
        URI uri = URI.create(next);
        path = uri.getRawPath() + "?" + uri.getRawQuery();
      } else {
        path = null;
      }
    }
    return all;
  }

  private static JsonObject refused(HttpResponse<String> response) {
    assertEquals(400, response.statusCode(), response.body());
    JsonObject problem = assertProblem(response, 400);
    JsonArray errors = problem.getJsonArray("errors");
    assertNotNull(errors, "a 400 names the bad fields: " + response.body());
    assertFalse(errors.isEmpty(), response.body());
    return problem;
  }

  private static JsonObject assertProblem(HttpResponse<String> response, int status) {
    assertTrue(header(response, "Content-Type").startsWith(PROBLEM_JSON), header(response, "Content-Type"));
    JsonObject problem = new JsonObject(response.body());
    assertNotNull(problem.getString("type"), response.body());
    assertNotNull(problem.getString("title"), response.body());
    assertEquals(status, problem.getInteger("status"), response.body());
    assertFalse(problem.getString("detail", "").isBlank(), response.body());
    return problem;
  }

  private static Set<String> fields(JsonObject problem) {
    return problem.getJsonArray("errors").stream().map(JsonObject.class::cast)
        .map(e -> {
          assertFalse(e.getString("message", "").isBlank(), e.encode());
          return e.getString("field");
        })
        .collect(Collectors.toSet());
  }

  private static JsonObject only(List<JsonObject> problems, String record, String severity) {
    List<JsonObject> found = problems.stream()
        .filter(p -> record.equals(p.getString("record")) && severity.equals(p.getString("severity"))).toList();
    assertEquals(1, found.size(), "one " + severity + " for " + record + " in " + problems);
    return found.get(0);
  }

  private static String header(HttpResponse<String> response, String name) {
    return response.headers().firstValue(name).orElse("");
  }

  private static long triplesInGraphOf(String sourceId) {
    String query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + BASE + "/graph/source/" + sourceId + "> { ?s ?p ?o } }";
    HttpResponse<String> response = Http.get(node.url("/sparql?query=" + encode(query)), "application/sparql-results+json");
    assertEquals(200, response.statusCode(), response.body());
    return Long.parseLong(new JsonObject(response.body()).getJsonObject("results").getJsonArray("bindings")
        .getJsonObject(0).getJsonObject("n").getString("value"));
  }
}
