package org.dpgfed.harvester.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Home and Explore answer from the cache until a run or a change of the sources, and only then read the store again. */
class PageCacheTest {
  private static final Path V1 = Path.of("src/test/resources/e2e/registry-v1.json");
  private static final Path V2 = Path.of("src/test/resources/e2e/registry-v2.json");
  private static final Pattern PRODUCTS = Pattern.compile("<dd id=\"products\">(\\d+)</dd>");
  private static final String ALL = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?r <http://xmlns.com/foaf/0.1/primaryTopic> ?p }";

  @TempDir Path dir;
  Vertx vertx;
  TestNode node;
  Path registry;

  @BeforeEach
  void start() throws IOException {
    registry = dir.resolve("registry.json");
    Files.copy(V1, registry);
    Path config = dir.resolve("harvester.yaml");
    Files.writeString(config, """
        sources:
          - id: cached
            title: Registry that changes
            url: %s
            format: dpga-json
            schedule: manual
        """.formatted(registry.toUri()));
    vertx = Vertx.vertx();
    node = TestNode.start(vertx, config, TestNode.environment(dir.resolve("data")));
    node.awaitRun(node.source("cached").getJsonObject("status").getJsonObject("lastRun").getString("id"));
  }

  @AfterEach
  void stop() {
    node.close();
    vertx.close();
  }

  private long homeProducts(String lang) {
    Matcher m = PRODUCTS.matcher(node.getText("/?lang=" + lang));
    assertTrue(m.find());
    return Long.parseLong(m.group(1));
  }

  /** The counter of the pages' store queries, from /metrics. */
  private double queries(String query, String result) {
    Matcher m = Pattern.compile("(?m)^dpg_ui_queries_total\\{query=\"" + query + "\",result=\"" + result + "\",?} (\\S+)$")
        .matcher(node.getText("/metrics"));
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  @Test
  void repeatedLoadsReadTheStoreOnceAndAHarvestsChangesAppearAfterItsRun() throws IOException {
    long before = homeProducts("en");
    assertEquals(UiNode.count(node, ALL), before);
    double read = queries("facets", "miss");
    double kept = queries("facets", "hit");
    assertEquals(before, homeProducts("fr"));
    assertEquals(before, homeProducts("es"));
    assertTrue(node.getText("/explore?lang=en").contains("Classroom Stories"));
    node.getText("/explore?lang=en");
    assertEquals(read, queries("facets", "miss"), "no new read of the facets");
    assertEquals(kept + 4, queries("facets", "hit"));
    assertEquals(1, queries("products", "miss"));
    assertEquals(1, queries("products", "hit"));

    Files.copy(V2, registry, StandardCopyOption.REPLACE_EXISTING);
    var triggered = TestNode.await(node.client().post("/api/sources/cached/harvest?force=true") // v2 drops most records
        .bearerTokenAuthentication(TestNode.ADMIN).send());
    assertEquals(202, triggered.statusCode(), triggered.bodyAsString());
    assertEquals("succeeded", node.awaitRun(triggered.bodyAsJsonObject().getString("id")).getString("status"));
    long after = homeProducts("en");
    assertNotEquals(before, after);
    assertEquals(UiNode.count(node, ALL), after);
    assertEquals(read + 1, queries("facets", "miss"), "one new read after the run");
    String explore = node.getText("/explore?lang=en");
    assertTrue(explore.contains("Facility Registry Service"), explore);
    assertFalse(explore.contains("Classroom Stories"));
    assertEquals(2, queries("products", "miss"));
  }

  @Test
  void aRenamedSourceIsShownAtOnce() {
    assertTrue(node.getText("/explore").contains("Registry that changes"));
    var renamed = TestNode.await(node.client().put("/api/sources/cached").bearerTokenAuthentication(TestNode.ADMIN)
        .sendJsonObject(node.source("cached").put("title", "Registry renamed").put("enabled", true)));
    assertEquals(200, renamed.statusCode(), renamed.bodyAsString());
    String explore = node.getText("/explore");
    assertTrue(explore.contains("Registry renamed"), "the source filter names it anew");
  }
}
