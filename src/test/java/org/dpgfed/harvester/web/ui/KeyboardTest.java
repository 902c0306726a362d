package org.dpgfed.harvester.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The Query and Sources pages with the keyboard alone: every stop of Tab shows where the focus is,
 * the editor lets Tab leave it, a query runs and an operator harvests without a mouse.
 */
class KeyboardTest {
  /** More stops than any of these pages has before what a test looks for. */
  private static final int MOST_STOPS = 40;

  @RegisterExtension static final UiBrowser ui = new UiBrowser();

  private static void press(CharSequence... keys) {
    new Actions(ui.driver()).sendKeys(keys).perform();
  }

  /** Shift+Tab: the modifier held down while Tab is pressed. */
  private static void pressShiftTab() {
    new Actions(ui.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
  }

  /** The focused element's outline (the editor's frame when the focus is in the editor), e.g. "solid 3px". */
  private static String focusOutline() {
    return (String) ui.driver().executeScript("var e = document.activeElement;"
        + "var shown = e.closest('.CodeMirror') || e;"
        + "var s = getComputedStyle(shown);"
        + "return e === document.body ? 'body' : s.outlineStyle + ' ' + s.outlineWidth;");
  }

  /** Whether the focused element matches a CSS selector. */
  private static boolean focusIsOn(String selector) {
    return (Boolean) ui.driver().executeScript("return document.activeElement.matches(arguments[0]);", selector);
  }

  /** Presses Tab (Shift+Tab backwards) until the focus is on {@code selector}, checking at every stop that the focus is visible. */
  private static void moveFocusTo(String selector, boolean backwards) {
    for (int stop = 0; stop < MOST_STOPS && !focusIsOn(selector); stop++) {
      if (backwards) {
        pressShiftTab();
      } else {
        press(Keys.TAB);
      }
      String outline = focusOutline();
      assertTrue(outline.matches("(solid|auto|dashed|dotted|double) [2-9](\\.\\d+)?px"),
          "focus not visible on " + ui.driver().executeScript("return document.activeElement.outerHTML.slice(0, 120);") + ": " + outline);
    }
    assertTrue(focusIsOn(selector), "the keyboard did not reach " + selector);
  }

  @Test
  void aKeyboardUserWritesAndRunsAQueryAndTabLeavesTheEditor() {
    ui.open("/query?lang=en");
    moveFocusTo(".CodeMirror textarea, .CodeMirror [contenteditable]", false);
    String query = "SELECT DISTINCT ?product WHERE { ?r <http://xmlns.com/foaf/0.1/primaryTopic> ?product }";
    new Actions(ui.driver()).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(query).perform();
    press(Keys.TAB);
    assertTrue(focusIsOn("#editor button[type=submit]"), "Tab leaves the editor for the Run button");
    pressShiftTab();
    assertTrue(focusIsOn(".CodeMirror *"), "Shift+Tab goes back into the editor");
    press(Keys.TAB);
    press(Keys.ENTER);
    ui.driver().executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "var results = document.getElementById('results');"
        + "if (results.querySelector('table, .error')) { done(); return; }"
        + "new MutationObserver(function (changes, observer) {"
        + "  if (results.querySelector('table, .error')) { observer.disconnect(); done(); }"
        + "}).observe(results, {childList: true, subtree: true});");
    List<WebElement> links = ui.driver().findElements(org.openqa.selenium.By.cssSelector("#results tbody tr td a"));
    assertEquals(UiNode.count(ui.node(), "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?r <http://xmlns.com/foaf/0.1/primaryTopic> ?p }"),
        links.size());
    assertTrue(ui.driver().getCurrentUrl().contains("query=SELECT"), "the typed query is in the address");
  }

  @Test
  void aKeyboardUserEntersATokenAndTriggersAHarvest() {
    String before = ui.node().source(UiNode.REGISTRY).getJsonObject("status").getJsonObject("lastRun").getString("id");
    ui.open("/sources?lang=en");
    moveFocusTo("#token", false);
    press(TestNode.ADMIN, Keys.TAB);
    assertTrue(focusIsOn("#token-save"));
    press(Keys.ENTER);
    assertEquals(TestNode.ADMIN, ui.driver().executeScript("return sessionStorage.getItem('dpg-operator-token');"));
    // Notes the run the page waits for, by the address it asks (the page reloads once the run is over).
    ui.driver().executeScript("var original = window.fetch;"
        + "window.harvested = new Promise(function (resolve) {"
        + "  window.fetch = function (url, init) {"
        + "    var run = /\\/api\\/runs\\/([^?]+)\\?wait/.exec(String(url));"
        + "    if (run) { sessionStorage.setItem('harvested-run', run[1]); resolve(run[1]); }"
        + "    return original(url, init);"
        + "  };"
        + "});");
    moveFocusTo("button[data-action=harvest][data-source=" + UiNode.REGISTRY + "]", true);
    press(Keys.ENTER);
    Object runId;
    try {
      runId = ui.driver().executeAsyncScript("var done = arguments[arguments.length - 1];"
          + "var run = sessionStorage.getItem('harvested-run');"
          + "if (run) { done(run); } else { window.harvested.then(done); }");
    } catch (org.openqa.selenium.WebDriverException e) {
      // a quick run can end, and the page reload, while the script is being started in the old page;
      // the address the page asked is kept in the tab's sessionStorage across the reload
      runId = ui.driver().executeScript("return sessionStorage.getItem('harvested-run');");
      assertNotNull(runId, () -> "the page asked for no run: " + e);
    }
    assertNotEquals(before, runId, "a new run");
    assertTrue(ui.node().awaitRun((String) runId).getString("status").matches("succeeded|unchanged"));
  }
}
