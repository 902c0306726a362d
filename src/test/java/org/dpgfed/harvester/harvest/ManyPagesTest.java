package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue of many pages is read to its end: pages are followed one after another, so a
 * run of ten thousand pages (a million records at the usual hundred a page) does not overflow
 * the stack of the thread that ends it.
 */
class ManyPagesTest {
  private static final int PAGES = 12_000;

  @TempDir static Path dir;
  static Vertx vertx;
  static FakeRegistry registry;
  static TestNode node;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    registry = FakeRegistry.on(vertx);
    node = TestNode.start(vertx, dir.resolve("node"));
  }

  @AfterAll
  static void stop() {
    node.close();
    vertx.close();
  }

  @Test
  void followsTwelveThousandPagesToTheLast() {
    for (int page = 1; page <= PAGES; page++) {
      JsonArray data = new JsonArray();
      if (page % 1_000 == 0) { // a record every thousand pages, the last page's among them
        String repo = "https://github.com/pages/tool-" + page;
        data.add(new JsonObject().put("id", "p" + page).put("url", repo).put("publiccodeYml",
            "publiccodeYmlVersion: '0.2'\nname: Tool " + page + "\nurl: " + repo + "\ndevelopmentStatus: stable\n"
                + "softwareType: standalone/web\nlegal:\n  license: MIT\ndescription:\n  en:\n"
                + "    shortDescription: Page " + page + ".\n"));
      }
      JsonObject body = new JsonObject().put("data", data);
      if (page < PAGES) {
        body.put("links", new JsonObject().put("next", "/pages/" + (page + 1)));
      }
      registry.serve("/pages/" + page, Answer.json(body.encode()));
    }
    JsonObject run = node.awaitRun(TestNode.firstRunId(node.register(new JsonObject().put("id", "many")
        .put("title", "many").put("url", registry.url("/pages/1")).put("format", "publiccode-catalog"))));
    assertEquals("succeeded", run.getString("status"), run.encode());
    assertEquals(PAGES / 1_000, run.getInteger("records"), run.encode());
    assertEquals(1, registry.hits("/pages/" + PAGES), "the last page was read");
    assertEquals(200, Http.get(node.url("/health"), "application/json").statusCode());
  }
}
