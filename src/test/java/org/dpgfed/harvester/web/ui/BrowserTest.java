package org.dpgfed.harvester.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The web interface at work in a real browser: the editor, the filters, the switcher and the operator's actions. */
class BrowserTest {
  @RegisterExtension static final UiBrowser ui = new UiBrowser();

  /** Puts the query in the editor, clicks its button and returns once the answer is on the page (a table or an error). */
  private static void runTheEditor(String query) {
    ui.driver().executeAsyncScript("var done = arguments[arguments.length - 1];"
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
    assertEquals("keyword", ui.driver().executeScript(
        "return document.querySelector('.CodeMirror').CodeMirror.getTokenTypeAt({line: 5, ch: 1});"), "SELECT is a keyword");
    // CodeMirror may paint the styles a moment after the text: wait for the first styled keyword
    ui.driver().executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "var code = document.querySelector('.CodeMirror-code');"
        + "if (code.querySelector('.cm-keyword')) { done(); return; }"
        + "new MutationObserver(function (changes, observer) {"
        + "  if (code.querySelector('.cm-keyword')) { observer.disconnect(); done(); }"
        + "}).observe(code, {childList: true, subtree: true, attributes: true});");
    assertFalse(ui.driver().findElements(By.cssSelector(".CodeMirror .cm-keyword")).isEmpty(), "SPARQL keywords highlighted");
    assertFalse(ui.driver().findElement(By.id("query")).isDisplayed(), "the textarea gives way to the editor");
    String query = "SELECT DISTINCT ?product WHERE { ?r <http://xmlns.com/foaf/0.1/primaryTopic> ?product }";
    runTheEditor(query);
    List<WebElement> links = ui.driver().findElements(By.cssSelector("#results tbody tr td a"));
    long products = UiNode.count(ui.node(), "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?r <http://xmlns.com/foaf/0.1/primaryTopic> ?p }");
    assertEquals(products, links.size());
    assertTrue(links.get(0).getAttribute("href").startsWith(ui.node().url("/id/product/")), links.get(0).getAttribute("href"));
    assertTrue(ui.driver().getCurrentUrl().contains("query=SELECT"), ui.driver().getCurrentUrl());
    ui.chromium().screenshot("query-results");
  }

  @Test
  void aConstructIsShownAsATableOfTriplesAndOffersTheRdfDownloads() {
    ui.open("/query?lang=en");
    runTheEditor("CONSTRUCT { ?p <http://purl.org/dc/terms/title> ?t } WHERE { "
        + "?r <http://xmlns.com/foaf/0.1/primaryTopic> ?p . ?p <http://purl.org/dc/terms/title> ?t }");
    long titles = UiNode.count(ui.node(), "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?p ?t WHERE { "
        + "?r <http://xmlns.com/foaf/0.1/primaryTopic> ?p . ?p <http://purl.org/dc/terms/title> ?t } }");
    List<WebElement> rows = ui.driver().findElements(By.cssSelector("#results tbody tr"));
    assertEquals(titles, rows.size());
    assertEquals("Subject", ui.driver().findElement(By.cssSelector("#results thead th")).getText());
    assertEquals("http://purl.org/dc/terms/title", rows.get(0).findElements(By.tagName("td")).get(1).getText());
    assertTrue(ui.driver().findElement(By.cssSelector("#downloads p[data-form=graph]")).isDisplayed());
    assertFalse(ui.driver().findElement(By.cssSelector("#downloads p[data-form=tuple]")).isDisplayed());
    assertTrue(ui.driver().findElement(By.cssSelector("#downloads a[data-format=turtle]")).getAttribute("href").contains("CONSTRUCT"));
  }

  @Test
  void theEditorShowsTheParsersMessage() {
    ui.open("/query?lang=en");
    runTheEditor("SELECT ?x WHERE { ?x ");
    String error = ui.driver().findElement(By.cssSelector("#results [role=alert]")).getText();
    assertTrue(error.contains("400") && error.toLowerCase().contains("line"), error);
  }

  @Test
  void exploreFiltersByAGoalAndCountsWhatSparqlCounts() {
    ui.open("/explore?lang=en");
    new Select(ui.driver().findElement(By.id("sdg"))).selectByValue("3");
    ui.follow(By.cssSelector("form.filters button[type=submit]"), "sdg=3");
    String count = ui.driver().findElement(By.id("count")).getAttribute("data-count");
    assertEquals(UiNode.productsWithGoal(ui.node(), 3), Long.parseLong(count));
    assertEquals(Long.parseLong(count), ui.driver().findElements(By.cssSelector(".results li")).size());
  }

  @Test
  void theSwitcherChangesTheLanguage() {
    ui.open("/?lang=en");
    ui.follow(By.cssSelector("a[hreflang=fr]"), "lang=fr");
    assertEquals("fr", ui.driver().findElement(By.tagName("html")).getAttribute("lang"));
    assertEquals("Explorer", ui.driver().findElement(By.cssSelector("header a[href^='/explore']")).getText());
    assertTrue(ui.driver().getPageSource().contains("Permettre à tous de vivre en bonne santé"));
  }

  /** Runs {@code action} in the page and answers the JSON of the first response to a URL containing {@code marker}. */
  private static Object answerTo(String marker, String action) {
    return ui.driver().executeAsyncScript("var done = arguments[arguments.length - 1];"
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
    String before = ui.node().source(UiNode.REGISTRY).getJsonObject("status").getJsonObject("lastRun").getString("id");
    ui.enterTheToken();
    assertEquals(TestNode.ADMIN, ui.driver().executeScript("return sessionStorage.getItem('dpg-operator-token');"));
    Object run = answerTo("/harvest",
        "document.querySelector('button[data-action=harvest][data-source=" + UiNode.REGISTRY + "]').click();");
    String runId = (String) ((Map<?, ?>) run).get("id");
    assertNotEquals(before, runId, "a new run");
    assertTrue(ui.node().awaitRun(runId).getString("status").matches("succeeded|unchanged"));
  }

  @Test
  void anOperatorEditsASourceInTheRegisterFormAndItsOtherSettingsStay() {
    String id = "ui-edited";
    ui.node().register(new JsonObject().put("id", id).put("title", "Registry to edit").put("url", "http://127.0.0.1:9/dpgs")
        .put("format", "dpga-json").put("schedule", "P1D").put("country", "KE").put("enabled", false));
    ui.enterTheToken();
    ui.driver().findElement(By.cssSelector("button[data-action=edit][data-source=" + id + "]")).click();
    WebElement title = ui.driver().findElement(By.id("new-title"));
    assertEquals("Registry to edit", title.getAttribute("value"));
    title.clear();
    title.sendKeys("Registry edited");
    Object answer = answerTo("/api/sources/" + id, "document.querySelector('#register button[type=submit]').click();");
    assertEquals("Registry edited", ((Map<?, ?>) answer).get("title"));
    JsonObject source = ui.node().source(id);
    assertEquals("Registry edited", source.getString("title"));
    assertEquals("KE", source.getString("country"));
    assertEquals(false, source.getBoolean("enabled"));
    assertEquals("P1D", source.getString("schedule"));
    assertEquals("http://127.0.0.1:9/dpgs", source.getString("url"));
    assertEquals(204, TestNode.await(ui.node().client().delete("/api/sources/" + id).bearerTokenAuthentication(TestNode.ADMIN).send())
        .statusCode());
  }
}
