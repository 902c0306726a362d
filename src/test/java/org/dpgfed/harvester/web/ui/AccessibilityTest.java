package org.dpgfed.harvester.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every page in every language in a real browser: accessible (axe-core, 0 violations), below 200 KB
 * transferred with an empty cache, and photographed under target/screenshots with a table of weights.
 */
class AccessibilityTest {
  private static final long MAX_BYTES = 200_000;
  private static final Map<String, String> PAGES = Map.of("home", "/", "explore", "/explore?sdg=3", "query", "/query",
      "sources", "/sources");

  @RegisterExtension static final UiBrowser ui = new UiBrowser();

  @Test
  void everyPageInEveryLanguageIsAccessibleAndLight() throws IOException {
    String axe = Chromium.axe();
    ui.driver().executeCdpCommand("Network.enable", Map.of());
    ui.driver().executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
    List<String> report = new ArrayList<>(List.of(String.format("%-8s %-4s %9s  %s", "page", "lang", "bytes", "axe")));
    StringBuilder failures = new StringBuilder();
    for (String page : List.of("home", "explore", "query", "sources")) {
      for (String lang : Texts.LANGUAGES) {
        String path = PAGES.get(page);
        ui.driver().executeCdpCommand("Network.clearBrowserCache", Map.of()); // every page weighed as a first visit
        ui.open(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
        long bytes = ui.chromium().transferred();
        String violations = axe == null ? "not checked (no axe-core)" : ui.chromium().violations(axe);
        ui.chromium().screenshot(page + "-" + lang);
        report.add(String.format("%-8s %-4s %9d  %s", page, lang, bytes, violations.isEmpty() ? "0 violations" : violations));
        if (bytes <= 0 || bytes >= MAX_BYTES || axe != null && !violations.isEmpty()) {
          failures.append(page).append(' ').append(lang).append(": ").append(bytes).append(" bytes; ").append(violations).append('\n');
        }
      }
    }
    System.out.println(String.join("\n", report));
    Files.write(Chromium.SCREENSHOTS.resolve("pages.txt"), report);
    assertEquals("", failures.toString());
  }
}
