package org.dpgfed.harvester.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/** The web interface at work in a real browser: the editor, the filters, the switcher and the operator's actions. */
class BrowserTest {
  @TempDir static Path dir;
  static UiBrowser ui;
  static ChromeDriver driver;

  @BeforeAll
  static void start() throws IOException {
    ui = UiBrowser.start(dir);
    driver = ui.chromium.driver;
  }

  @AfterAll
  static void stop() {
    if (ui != null) {
      ui.close();
    }
  }

  /** Puts the query in the editor, clicks its button and returns once the answer is on the page (a table or an error). */
  static void runTheEditor(ChromeDriver driver, String query) {
    driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "var results = document.getElementById('results');"
        + "new MutationObserver(function (changes, observer) {"
        + "  if (results.querySelector('table, .error')) { observer.disconnect(); done(); }"
        + "}).observe(results, {childList: true, subtree: true});"
        + "document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0]);"
        + "document.querySelector('#editor button[type=submit]').click();", query);
  }

  @Test
  void theEditorHighlightsTheQueryRunsItAndShowsATableWithLinksAndKeepsTheQueryInTheUrl() throws IOException {
    ui.open("/query?lang=en");
    assertFalse(driver.findElements(By.cssSelector(".CodeMirror .cm-keyword")).isEmpty(), "SPARQL keywords highlighted");
    assertFalse(driver.findElement(By.id("query")).isDisplayed(), "the textarea gives way to the editor");
    String query = "SELECT DISTINCT ?product WHERE { ?r <http://xmlns.com/foaf/0.1/primaryTopic> ?product }";
    runTheEditor(driver, query);
    List<WebElement> links = driver.findElements(By.cssSelector("#results tbody tr td a"));
    long products = UiNode.count(ui.node, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?r <http://xmlns.com/foaf/0.1/primaryTopic> ?p }");
    assertEquals(products, links.size());
    assertTrue(links.get(0).getAttribute("href").startsWith(ui.node.url("/id/product/")), links.get(0).getAttribute("href"));
    assertTrue(driver.getCurrentUrl().contains("query=SELECT"), driver.getCurrentUrl());
    ui.chromium.screenshot("query-results");
  }

  @Test
  void aConstructIsShownAsATableOfTriplesAndOffersTheRdfDownloads() {
    ui.open("/query?lang=en");
    runTheEditor(driver, "CONSTRUCT { ?p <http://purl.org/dc/terms/title> ?t } WHERE { "
        + "?r <http://xmlns.com/foaf/0.1/primaryTopic> ?p . ?p <http://purl.org/dc/terms/title> ?t }");
    long titles = UiNode.count(ui.node, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?p ?t WHERE { "
        + "?r <http://xmlns.com/foaf/0.1/primaryTopic> ?p . ?p <http://purl.org/dc/terms/title> ?t } }");
    List<WebElement> rows = driver.findElements(By.cssSelector("#results tbody tr"));
    assertEquals(titles, rows.size());
    assertEquals("Subject", driver.findElement(By.cssSelector("#results thead th")).getText());
    assertEquals("http://purl.org/dc/terms/title", rows.get(0).findElements(By.tagName("td")).get(1).getText());
    assertTrue(driver.findElement(By.cssSelector("#downloads p[data-form=graph]")).isDisplayed());
    assertFalse(driver.findElement(By.cssSelector("#downloads p[data-form=tuple]")).isDisplayed());
    assertTrue(driver.findElement(By.cssSelector("#downloads a[data-format=turtle]")).getAttribute("href").contains("CONSTRUCT"));
  }

  @Test
  void theEditorShowsTheParsersMessage() {
    ui.open("/query?lang=en");
    runTheEditor(driver, "SELECT ?x WHERE { ?x ");
    String error = driver.findElement(By.cssSelector("#results [role=alert]")).getText();
    assertTrue(error.contains("400") && error.toLowerCase().contains("line"), error);
  }

  @Test
  void exploreFiltersByAGoalAndCountsWhatSparqlCounts() {
    ui.open("/explore?lang=en");
    new Select(driver.findElement(By.id("sdg"))).selectByValue("3");
    driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
    assertTrue(driver.getCurrentUrl().contains("sdg=3"), driver.getCurrentUrl());
    String count = driver.findElement(By.id("count")).getAttribute("data-count");
    assertEquals(UiNode.productsWithGoal(ui.node, 3), Long.parseLong(count));
    assertEquals(Long.parseLong(count), driver.findElements(By.cssSelector(".results li")).size());
  }

  @Test
  void theSwitcherChangesTheLanguage() {
    ui.open("/?lang=en");
    driver.findElement(By.cssSelector("a[hreflang=fr]")).click();
    assertEquals("fr", driver.findElement(By.tagName("html")).getAttribute("lang"));
    assertEquals("Explorer", driver.findElement(By.cssSelector("header a[href^='/explore']")).getText());
    assertTrue(driver.getPageSource().contains("Permettre à tous de vivre en bonne santé"));
  }

  /** Runs {@code action} in the page and answers the JSON of the first response to a URL containing {@code marker}. */
  private static Object answerTo(String marker, String action) {
    return driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
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
    String before = ui.node.source(UiNode.REGISTRY).getJsonObject("status").getJsonObject("lastRun").getString("id");
    ui.enterTheToken();
    assertEquals(TestNode.ADMIN, driver.executeScript("return sessionStorage.getItem('dpg-operator-token');"));
    Object run = answerTo("/harvest",
        "document.querySelector('button[data-action=harvest][data-source=" + UiNode.REGISTRY + "]').click();");
    String runId = (String) ((Map<?, ?>) run).get("id");
    assertNotEquals(before, runId, "a new run");
    assertTrue(ui.node.awaitRun(runId).getString("status").matches("succeeded|unchanged"));
  }

  @Test
  void anOperatorEditsASourceInTheRegisterFormAndItsOtherSettingsStay() {
    String id = "ui-edited";
    ui.node.register(new JsonObject().put("id", id).put("title", "Registry to edit").put("url", "http://127.0.0.1:9/dpgs")
        .put("format", "dpga-json").put("schedule", "P1D").put("country", "KE").put("enabled", false));
    ui.enterTheToken();
    driver.findElement(By.cssSelector("button[data-action=edit][data-source=" + id + "]")).click();
    WebElement title = driver.findElement(By.id("new-title"));
    assertEquals("Registry to edit", title.getAttribute("value"));
    title.clear();
    title.sendKeys("Registry edited");
    Object answer = answerTo("/api/sources/" + id, "document.querySelector('#register button[type=submit]').click();");
    assertEquals("Registry edited", ((Map<?, ?>) answer).get("title"));
    JsonObject source = ui.node.source(id);
    assertEquals("Registry edited", source.getString("title"));
    assertEquals("KE", source.getString("country"));
    assertEquals(false, source.getBoolean("enabled"));
    assertEquals("P1D", source.getString("schedule"));
    assertEquals("http://127.0.0.1:9/dpgs", source.getString("url"));
    assertEquals(204, TestNode.await(ui.node.client().delete("/api/sources/" + id).bearerTokenAuthentication(TestNode.ADMIN).send())
        .statusCode());
  }
}
