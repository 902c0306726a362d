package org.dpgfed.harvester.web.ui;

import static org.dpgfed.harvester.web.Html.escape;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.registry.Run;
import org.dpgfed.harvester.registry.RunLog;
import org.dpgfed.harvester.registry.Source;
import org.dpgfed.harvester.registry.SourceRegistry;
import org.dpgfed.harvester.registry.SourceStatus;

/**
 * {@code GET /sources}: every source's health for anyone; with a token typed into the page (kept in
 * the tab's sessionStorage only), a script lets an operator register, harvest and delete sources
 * through {@code /api}.
 */
public final class SourcesPage implements Handler<RoutingContext> {
  private final Site site;
  private final SourceRegistry sources;
  private final RunLog runs;
  private final Function<String, Optional<Instant>> nextRun;
  private final Config.Harvest settings;
  private final Clock clock;
  private final Set<String> formats;

  SourcesPage(Site site, SourceRegistry sources, RunLog runs, Function<String, Optional<Instant>> nextRun,
      Config.Harvest settings, Clock clock, Set<String> formats) {
    this.site = site;
    this.sources = sources;
    this.runs = runs;
    this.nextRun = nextRun;
    this.settings = settings;
    this.clock = clock;
    this.formats = formats;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Texts.Words w = site.texts().words(ctx);
    site.workers().executeBlocking(() -> sources.list().stream().map(this::section).toList(), false)
        .onSuccess(sections -> Layout.send(ctx, w, w.get("sources.title"), body(w, sections), "ui/sources.js"))
        .onFailure(ctx::fail);
  }

  private SourceSection section(Source source) {
    List<Run> all = runs.runsOf(source.id());
    SourceStatus status = SourceStatus.of(source, all, nextRun.apply(source.id()).orElse(null),
        settings.staleAfterFailures(), settings.staleAfterSchedules(), clock.instant());
    Optional<Run> last = all.stream().filter(r -> r.status().finished()).findFirst();
    return new SourceSection(source, status, all,
        last.map(r -> runs.problems(r.id(), 0, SourceSection.PROBLEMS)).orElse(List.of()),
        last.map(r -> runs.problemCount(r.id())).orElse(0L));
  }

  private String body(Texts.Words w, List<SourceSection> sections) {
    StringBuilder out = new StringBuilder("<p>").append(escape(w.format("sources.intro", sections.size()))).append("</p>\n");
    if (sections.isEmpty()) {
      out.append("<p>").append(escape(w.get("sources.empty"))).append("</p>\n");
    }
    sections.forEach(s -> out.append(s.html(w)));
    return out.append(operator(w)).toString();
  }

  private String operator(Texts.Words w) {
    StringBuilder out = new StringBuilder("<section id=\"operator\" aria-labelledby=\"h-operator\" hidden data-saved=\"")
        .append(escape(w.get("operator.saved"))).append("\" data-done=\"").append(escape(w.get("operator.done")))
        .append("\" data-confirm=\"").append(escape(w.get("operator.confirm"))).append("\"><h2 id=\"h-operator\">")
        .append(escape(w.get("operator.title"))).append("</h2>\n<p>").append(escape(w.get("operator.intro"))).append("</p>\n")
        .append("<p><label for=\"token\">").append(escape(w.get("operator.token"))).append("</label> ")
        .append("<input id=\"token\" type=\"password\" autocomplete=\"off\"> <button type=\"button\" id=\"token-save\">")
        .append(escape(w.get("operator.use"))).append("</button> <button type=\"button\" id=\"token-forget\">")
        .append(escape(w.get("operator.forget"))).append("</button></p>\n<form id=\"register\"><fieldset><legend>")
        .append(escape(w.get("operator.register"))).append("</legend>");
    field(out, w, "id", "text", " required pattern=\"[a-z0-9][a-z0-9-]{0,62}\"");
    field(out, w, "title", "text", " required");
    field(out, w, "url", "url", " required");
    out.append("<p><label for=\"new-format\">").append(escape(w.get("field.format"))).append("</label> <select id=\"new-format\" name=\"format\">");
    formats.forEach(f -> out.append("<option>").append(escape(f)).append("</option>"));
    out.append("</select></p>");
    field(out, w, "schedule", "text", " placeholder=\"PT6H\"");
    field(out, w, "country", "text", " pattern=\"[A-Z]{2}\" maxlength=\"2\" size=\"3\"");
    out.append("<p><label class=\"check\"><input id=\"new-enabled\" name=\"enabled\" type=\"checkbox\" checked> ")
        .append(escape(w.get("field.enabled"))).append("</label></p><p><label for=\"new-query\">")
        .append(escape(w.get("field.query"))).append("</label> <textarea id=\"new-query\" name=\"query\" rows=\"4\" ")
        .append("spellcheck=\"false\"></textarea></p>");
    return out.append("<p><button type=\"submit\">").append(escape(w.get("operator.registerButton")))
        .append("</button></p></fieldset></form>\n<p id=\"operator-status\" role=\"status\" aria-live=\"polite\"></p></section>\n")
        .toString();
  }

  private static void field(StringBuilder out, Texts.Words w, String name, String type, String extra) {
    out.append("<p><label for=\"new-").append(name).append("\">").append(escape(w.get("field." + name)))
        .append("</label> <input id=\"new-").append(name).append("\" name=\"").append(name).append("\" type=\"")
        .append(type).append('"').append(extra).append("></p>");
  }
}
