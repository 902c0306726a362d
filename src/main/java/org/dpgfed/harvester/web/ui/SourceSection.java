package org.dpgfed.harvester.web.ui;

import static org.dpgfed.harvester.web.Html.escape;

import java.time.Instant;
import java.util.List;
import org.dpgfed.harvester.model.Problem;
import org.dpgfed.harvester.registry.Run;
import org.dpgfed.harvester.registry.Source;
import org.dpgfed.harvester.registry.SourceStatus;

/**
 * One source on the Sources page: its settings, status, last runs and the problems of its last run.
 *
 * @param problems the first {@value #PROBLEMS} problems of the last finished run, of {@code problemCount}
 */
record SourceSection(Source source, SourceStatus status, List<Run> runs, List<Problem> problems, long problemCount) {
  static final int RUNS = 5;
  static final int PROBLEMS = 50;

  String html(Texts.Words w) {
    String id = escape(source.id());
    StringBuilder out = new StringBuilder("<section class=\"source\" id=\"source-").append(id)
        .append("\" aria-labelledby=\"h-").append(id).append("\"><h2 id=\"h-").append(id).append("\">")
        .append(escape(source.title())).append(" <code>").append(id).append("</code></h2>\n<dl class=\"facts\">");
    fact(out, w, "sources.format", escape(source.format()));
    fact(out, w, "sources.url", "<span class=\"url\">" + escape(source.url()) + "</span>");
    fact(out, w, "sources.schedule", escape(source.schedule()) + (source.enabled() ? "" : " (" + escape(w.get("sources.disabled")) + ")"));
    Run last = status.lastRun();
    fact(out, w, "sources.status", last == null ? escape(w.get("sources.noRun"))
        : "<span class=\"run-" + last.status().label() + "\">" + escape(w.get("run." + last.status().label())) + "</span>"
            + (status.stale() ? " · <strong>" + escape(w.get("sources.stale")) + "</strong>" : ""));
    fact(out, w, "sources.lastSuccess", time(status.lastSuccessAt(), w));
    fact(out, w, "sources.nextRun", time(status.nextRunAt(), w));
    runs.stream().filter(r -> r.records() != null).findFirst().ifPresent(r -> fact(out, w, "sources.counts",
        escape(w.format("sources.countsValue", r.records(), r.triples(), r.invalid()))));
    if (last != null && last.error() != null) {
      fact(out, w, "sources.error", "<span class=\"error\">" + escape(last.error()) + "</span>");
    }
    out.append("</dl>\n");
    runs(out, w);
    problems(out, w);
    return out.append("<p class=\"operator\" hidden><button type=\"button\" data-action=\"harvest\" data-source=\"")
        .append(id).append("\">").append(escape(w.get("sources.harvest"))).append("</button> <button type=\"button\" ")
        .append("data-action=\"edit\" data-source=\"").append(id).append("\" data-title=\"").append(escape(source.title()))
        .append("\" data-url=\"").append(escape(source.url())).append("\" data-format=\"").append(escape(source.format()))
        .append("\" data-schedule=\"").append(escape(source.schedule())).append("\" data-country=\"")
        .append(escape(source.country() == null ? "" : source.country())).append("\" data-query=\"")
        .append(escape(source.query() == null ? "" : source.query())).append("\" data-enabled=\"").append(source.enabled())
        .append("\">").append(escape(w.get("sources.edit")))
        .append("</button> <button type=\"button\" ")
        .append("data-action=\"delete\" data-source=\"").append(id).append("\">").append(escape(w.get("sources.delete")))
        .append("</button></p></section>\n").toString();
  }

  private static void fact(StringBuilder out, Texts.Words w, String key, String valueHtml) {
    out.append("<div><dt>").append(escape(w.get(key))).append("</dt><dd>").append(valueHtml).append("</dd></div>");
  }

  private static String time(Instant t, Texts.Words w) {
    return t == null ? escape(w.get("sources.none")) : "<time datetime=\"" + t + "\">" + t.toString().replace('T', ' ') + "</time>";
  }

  private void runs(StringBuilder out, Texts.Words w) {
    if (runs.isEmpty()) {
      return;
    }
    out.append("<details><summary>").append(escape(w.get("sources.runs"))).append("</summary><table><thead><tr>");
    for (String key : List.of("runs.started", "runs.status", "runs.records", "runs.added", "runs.removed", "runs.invalid")) {
      out.append("<th scope=\"col\">").append(escape(w.get(key))).append("</th>");
    }
    out.append("</tr></thead><tbody>");
    for (Run r : runs.subList(0, Math.min(RUNS, runs.size()))) {
      out.append("<tr><td>").append(time(r.startedAt(), w)).append("</td><td>").append(escape(w.get("run." + r.status().label())))
          .append(r.error() == null ? "" : ": " + escape(r.error())).append("</td><td>").append(n(r.records()))
          .append("</td><td>").append(n(r.added())).append("</td><td>").append(n(r.removed())).append("</td><td>")
          .append(n(r.invalid())).append("</td></tr>");
    }
    out.append("</tbody></table></details>\n");
  }

  private void problems(StringBuilder out, Texts.Words w) {
    out.append("<details class=\"problems\"><summary>").append(escape(w.format("sources.problems", problemCount)))
        .append("</summary>");
    if (!problems.isEmpty()) {
      out.append("<table><thead><tr><th scope=\"col\">").append(escape(w.get("problems.severity"))).append("</th><th scope=\"col\">")
          .append(escape(w.get("problems.record"))).append("</th><th scope=\"col\">").append(escape(w.get("problems.message")))
          .append("</th></tr></thead><tbody>");
      for (Problem p : problems.subList(0, Math.min(PROBLEMS, problems.size()))) {
        out.append("<tr><td>").append(escape(w.get("severity." + p.severity().label()))).append("</td><td class=\"url\">")
            .append(escape(p.record() == null ? "" : p.record())).append(p.path() == null ? "" : " <code>" + escape(p.path()) + "</code>")
            .append("</td><td>").append(escape(p.message())).append("</td></tr>");
      }
      out.append("</tbody></table>");
    }
    out.append("</details>\n");
  }

  private static String n(Number value) {
    return value == null ? "–" : value.toString();
  }
}
