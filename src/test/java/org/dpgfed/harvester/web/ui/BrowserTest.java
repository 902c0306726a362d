package org.dpgfed.harvester.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web interface in a real browser: every page accessible (axe-core, 0 violations), light, and
 * photographed under target/screenshots; the editor, the filters, the switcher and the operator's
 * harvest button at work.
 */
class BrowserTest {
  private static final long MAX_BYTES = 200_000;

  @TempDir static Path dir;
  static Vertx vertx;
  static TestNode node;
  static Chromium chromium;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.start(dir.resolve("profile"));
    vertx = Vertx.vertx();
    node = UiNode.start(vertx, dir);
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (node != null) {
      node.close();
      vertx.close();
    }
  }

  private static void open(String path) {
    chromium.driver.get(node.url(path));
  }

  @Test
  void everyPageIsAccessibleAndLight() throws IOException {
    String axe = Chromium.axe();
    List<String> report = new ArrayList<>();
    for (String[] page : new String[][] {{"home", "/?lang=en"}, {"explore", "/explore?lang=en&sdg=3"},
        {"query", "/query?lang=en"}, {"sources", "/sources?lang=en"}, {"home-fr", "/?lang=fr"}}) {
      open(page[1]);
      long bytes = chromium.transferred();
      assertTrue(bytes > 0 && bytes < MAX_BYTES, page[0] + " took " + bytes + " bytes");
      String violations = axe == null ? "not checked (no axe-core)" : chromium.violations(axe);
      chromium.screenshot(page[0]);
      report.add(page[0] + "\t" + bytes + " bytes\taxe: " + (violations.isEmpty() ? "0 violations" : violations));
      if (axe != null) {
        assertEquals("", violations, page[0]);
      }
    }
    Files.write(Chromium.SCREENSHOTS.resolve("pages.txt"), report);
  }

  /** Clicks the editor's button and returns once the answer is on the page (a table or an error). */
  private static void runTheEditor(String query) {
    WebElement editor = chromium.driver.findElement(By.id("query"));
    editor.clear();
    editor.sendKeys(query);
    chromium.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "var results = document.getElementById('results');"
        + "new MutationObserver(function (changes, observer) {"
        + "  if (results.querySelector('table, .error')) { observer.disconnect(); done(); }"
        + "}).observe(results, {childList: true, subtree: true});"
        + "document.querySelector('#editor button[type=submit]').click();");
  }

  @Test
  void theEditorRunsAQueryAndShowsATableWithLinksAndKeepsTheQueryInTheUrl() throws IOException {
    open("/query?lang=en");
    String query = "SELECT DISTINCT ?product WHERE { ?r <http://xmlns.com/foaf/0.1/primaryTopic> ?product }";
    runTheEditor(query);
    List<WebElement> links = chromium.driver.findElements(By.cssSelector("#results tbody tr td a"));
    long products = UiNode.count(node, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?r <http://xmlns.com/foaf/0.1/primaryTopic> ?p }");
    assertEquals(products, links.size());
    assertTrue(links.get(0).getAttribute("href").startsWith(node.url("/id/product/")), links.get(0).getAttribute("href"));
    assertTrue(chromium.driver.getCurrentUrl().contains("query=SELECT"), chromium.driver.getCurrentUrl());
    chromium.screenshot("query-results");
  }

  @Test
  void theEditorShowsTheParsersMessage() {
    open("/query?lang=en");
    runTheEditor("SELECT ?x WHERE { ?x ");
    String error = chromium.driver.findElement(By.cssSelector("#results [role=alert]")).getText();
    assertTrue(error.contains("400") && error.toLowerCase().contains("line"), error);
  }

  @Test
  void exploreFiltersByAGoalAndCountsWhatSparqlCounts() {
    open("/explore?lang=en");
    new Select(chromium.driver.findElement(By.id("sdg"))).selectByValue("3");
    chromium.driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
    assertTrue(chromium.driver.getCurrentUrl().contains("sdg=3"), chromium.driver.getCurrentUrl());
    String count = chromium.driver.findElement(By.id("count")).getAttribute("data-count");
    assertEquals(UiNode.productsWithGoal(node, 3), Long.parseLong(count));
    assertEquals(Long.parseLong(count), chromium.driver.findElements(By.cssSelector(".results li")).size());
  }

  @Test
  void theSwitcherChangesTheLanguage() {
    open("/?lang=en");
    chromium.driver.findElement(By.cssSelector("a[hreflang=fr]")).click();
    assertEquals("fr", chromium.driver.findElement(By.tagName("html")).getAttribute("lang"));
    assertEquals("Explorer", chromium.driver.findElement(By.cssSelector("header a[href^='/explore']")).getText());
    assertTrue(chromium.driver.getPageSource().contains("Permettre à tous de vivre en bonne santé"));
  }

  private static void enterTheToken() {
    open("/sources?lang=en");
    chromium.driver.findElement(By.id("token")).sendKeys(TestNode.ADMIN);
    chromium.driver.findElement(By.id("token-save")).click();
    assertEquals(TestNode.ADMIN, chromium.driver.executeScript("return sessionStorage.getItem('dpg-operator-token');"));
  }

  /** Runs {@code action} in the page and answers the JSON of the first response to a URL containing {@code marker}. */
  private static Object answerTo(String marker, String action) {
    return chromium.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "var original = window.fetch;"
        + "window.fetch = function (url, init) {"
        + "  var answer = original(url, init);"
        + "  if (String(url).indexOf('" + marker + "') >= 0) {"
        + "    answer.then(function (r) { return r.clone().json(); }).then(done);"
        + "  }"
        + "  return answer;"
        + "};" + action);
  }

  @Test
  void anOperatorWithATokenTriggersAHarvest() {
    String before = node.source(UiNode.REGISTRY).getJsonObject("status").getJsonObject("lastRun").getString("id");
    enterTheToken();
    Object run = answerTo("/harvest",
        "document.querySelector('button[data-action=harvest][data-source=" + UiNode.REGISTRY + "]').click();");
    String runId = (String) ((java.util.Map<?, ?>) run).get("id");
    assertTrue(!before.equals(runId), "a new run");
    assertTrue(node.awaitRun(runId).getString("status").matches("succeeded|unchanged"));
  }

  @Test
  void anOperatorEditsASourceInTheRegisterForm() {
    enterTheToken();
    chromium.driver.findElement(By.cssSelector("button[data-action=edit][data-source=" + UiNode.PROBLEMS + "]")).click();
    WebElement title = chromium.driver.findElement(By.id("new-title"));
    assertEquals("Registry with problems", title.getAttribute("value"));
    title.clear();
    title.sendKeys("Registry with a few problems");
    Object source = answerTo("/api/sources/" + UiNode.PROBLEMS,
        "document.querySelector('#register button[type=submit]').click();");
    assertEquals("Registry with a few problems", ((java.util.Map<?, ?>) source).get("title"));
    assertEquals("Registry with a few problems", node.source(UiNode.PROBLEMS).getString("title"));
  }
}
