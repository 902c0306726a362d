package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with more problems than a run holds in memory: the rest wait in a file, and the report
 * gives every one of them back, in the order found, page by page.
 */
class LargeReportTest {
  private static final int BAD = 4_000;
  private static final Pattern RECORD = Pattern.compile("/id/record/large/bad(\\d+)$");

  @TempDir static Path dir;
  static Vertx vertx;
  static TestNode node;
  static JsonObject run;

  @BeforeAll
  static void harvest() {
    vertx = Vertx.vertx();
    FakeRegistry registry = FakeRegistry.on(vertx);
    JsonArray items = new JsonArray();
    for (int i = 0; i < BAD; i++) {
      items.add(new JsonObject().put("id", "bad" + i)); // no name, licence or anything: refused, with its problems
    }
    items.add(new JsonObject().put("id", "good").put("name", "Good").put("description", "Fine.")
        .put("license", new JsonArray().add(new JsonObject().put("spdx", "MIT")))
        .put("SDGs", new JsonArray().add(new JsonObject().put("SDGNumber", 3))).put("type", new JsonArray().add("software"))
        .put("repositories", new JsonArray().add(new JsonObject().put("url", "https://github.com/ex/good"))));
    registry.serve("/dpgs", Answer.json(items.encode()));
    node = TestNode.start(vertx, dir);
    run = node.awaitRun(TestNode.firstRunId(node.register(new JsonObject().put("id", "large").put("title", "Large")
        .put("url", registry.url("/dpgs")).put("format", "dpga-json"))));
  }

  @AfterAll
  static void stop() {
    node.close();
    vertx.close();
  }

  /** A next-page link (on the node's public base) as the test reaches the node. */
  private static String local(String link) {
    java.net.URI uri = java.net.URI.create(link);
    return node.url(uri.getRawPath() + "?" + uri.getRawQuery());
  }

  @Test
  void theReportGivesBackEveryProblemInTheOrderFound() {
    assertEquals("succeeded", run.getString("status"), run.encode());
    assertEquals(1, run.getInteger("records"));
    assertEquals(BAD, run.getInteger("invalid"));
    List<JsonObject> problems = new ArrayList<>();
    String next = node.url("/api/runs/" + run.getString("id") + "/report?limit=100");
    int pages = 0;
    while (next != null) {
      JsonObject page = new JsonObject(Http.get(next, "application/json").body());
      page.getJsonArray("items").forEach(p -> problems.add((JsonObject) p));
      next = page.getString("next") == null ? null : local(page.getString("next"));
      pages++;
    }
    assertTrue(problems.size() > ProblemLog.HELD, problems.size() + " problems: more than a run holds in memory");
    assertEquals((problems.size() + 99) / 100, pages);
    int last = -1;
    int seen = 0;
    for (JsonObject p : problems) {
      Matcher m = RECORD.matcher(p.getString("record", ""));
      if (m.find()) {
        int n = Integer.parseInt(m.group(1));
        assertTrue(n >= last, "record bad" + n + " after bad" + last);
        seen += n != last ? 1 : 0;
        last = n;
      }
    }
    assertEquals(BAD, seen, "every refused record's problems, the last ones from the file");
    assertEquals(BAD - 1, last);
    String html = Http.get(node.url("/sources"), "text/html").body();
    assertTrue(html.contains("Problems found in the last run: " + problems.size()), "the count, not only those shown");
  }
}
