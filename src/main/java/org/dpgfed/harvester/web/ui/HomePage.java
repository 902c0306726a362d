package org.dpgfed.harvester.web.ui;

import static org.dpgfed.harvester.web.Html.escape;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.registry.Run;
import org.dpgfed.harvester.registry.RunLog;
import org.dpgfed.harvester.registry.SourceRegistry;

/** {@code GET /}: what this node is, its counts, and its products by SDG, type, licence and country. */
public final class HomePage implements Handler<RoutingContext> {
  private final Site site;
  private final Config.Node node;
  private final SourceRegistry sources;
  private final RunLog runs;

  HomePage(Site site, Config.Node node, SourceRegistry sources, RunLog runs) {
    this.site = site;
    this.node = node;
    this.sources = sources;
    this.runs = runs;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Texts.Words w = site.texts().words(ctx);
    site.facets()
        .onSuccess(facets -> Layout.send(ctx, w, node.title(), body(w, facets), null))
        .onFailure(ctx::fail);
  }

  private String body(Texts.Words w, Facets facets) {
    StringBuilder out = new StringBuilder("<p>").append(escape(node.description())).append("</p>\n<p>")
        .append(escape(w.get("home.intro"))).append("</p>\n<dl class=\"stats\"><div><dt>").append(escape(w.get("home.products")))
        .append("</dt><dd id=\"products\">").append(facets.products()).append("</dd></div><div><dt>")
        .append(escape(w.get("home.sources"))).append("</dt><dd id=\"sources\">").append(sources.list().size())
        .append("</dd></div><div><dt>").append(escape(w.get("home.lastHarvest"))).append("</dt><dd id=\"last-harvest\">")
        .append(lastHarvest().map(t -> "<time datetime=\"" + t + "\">" + t.toString().replace('T', ' ') + "</time>")
            .orElse(escape(w.get("home.never"))))
        .append("</dd></div></dl>\n");
    out.append("<h2>").append(escape(w.get("home.bySdg"))).append("</h2>\n").append(sdgs(w, facets));
    section(out, w, "home.byType", "facet.type", facets.types(), iri -> site.labels().label(iri, w.lang()));
    section(out, w, "home.byLicence", "facet.licence", facets.licences(), Labels::localName);
    section(out, w, "home.byCountry", "facet.country", facets.countries(), iri -> site.labels().country(iri, w.lang()));
    return out.toString();
  }

  private String sdgs(Texts.Words w, Facets facets) {
    BarTable table = new BarTable(w.get("home.bySdg"), w.get("facet.sdg"), w.get("home.products"));
    for (int goal = 1; goal <= 17; goal++) {
      int g = goal;
      long n = facets.sdgs().stream().filter(c -> Facets.goal(c) == g).mapToLong(Facets.Count::products).sum();
      String label = "<a href=\"/explore?sdg=" + goal + "&amp;lang=" + w.lang() + "\"><span class=\"goal\" style=\"background:"
          + Labels.colour(goal) + ";color:" + Labels.ink(goal) + "\">" + goal + "</span> "
          + escape(site.labels().sdg(goal, w.lang())) + "</a>";
      table.add(label, n, Labels.colour(goal));
    }
    return table.html();
  }

  private void section(StringBuilder out, Texts.Words w, String heading, String column, java.util.List<Facets.Count> counts,
      java.util.function.Function<String, String> name) {
    out.append("<h2>").append(escape(w.get(heading))).append("</h2>\n");
    BarTable table = new BarTable(w.get(heading), w.get(column), w.get("home.products"));
    counts.forEach(c -> table.add(escape(name.apply(c.iri())), c.products(), null));
    out.append(counts.isEmpty() ? "<p>" + escape(w.get("home.none")) + "</p>\n" : table.html());
  }

  private java.util.Optional<Instant> lastHarvest() {
    return sources.list().stream().flatMap(s -> runs.runsOf(s.id()).stream()).map(Run::finishedAt)
        .filter(Objects::nonNull).max(Comparator.naturalOrder());
  }
}
