package org.dpgfed.harvester.web.ui;

import static org.dpgfed.harvester.web.Html.escape;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart that is also a plain table: one row per value, its count, and a CSS bar that only
 * repeats the count (hidden from screen readers). Needs no script.
 */
final class BarTable {
  /** One bar; {@code labelHtml} is already escaped; {@code colour} may be null for the default. */
  record Row(String labelHtml, long count, String colour) {}

  private final String caption;
  private final String valueHeading;
  private final String countHeading;
  private final List<Row> rows = new ArrayList<>();

  BarTable(String caption, String valueHeading, String countHeading) {
    this.caption = caption;
    this.valueHeading = valueHeading;
    this.countHeading = countHeading;
  }

  BarTable add(String labelHtml, long count, String colour) {
    rows.add(new Row(labelHtml, count, colour));
    return this;
  }

  String html() {
    long max = Math.max(1, rows.stream().mapToLong(Row::count).max().orElse(1));
    StringBuilder out = new StringBuilder("<table class=\"bars\"><caption>").append(escape(caption))
        .append("</caption><thead><tr><th scope=\"col\">").append(escape(valueHeading)).append("</th><th scope=\"col\">")
        .append(escape(countHeading)).append("</th><td></td></tr></thead><tbody>\n");
    for (Row row : rows) {
      out.append("<tr><th scope=\"row\">").append(row.labelHtml()).append("</th><td class=\"n\">").append(row.count())
          .append("</td><td class=\"bar\" aria-hidden=\"true\"><span style=\"width:")
          .append(Math.round(100.0 * row.count() / max)).append('%')
          .append(row.colour() == null ? "" : ";background:" + row.colour()).append("\"></span></td></tr>\n");
    }
    return out.append("</tbody></table>\n").toString();
  }
}
