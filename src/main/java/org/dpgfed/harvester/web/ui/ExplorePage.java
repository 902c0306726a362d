package org.dpgfed.harvester.web.ui;

import static org.dpgfed.harvester.web.Html.escape;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code GET /explore}: the products, filtered by text, SDG, licence, type, country and source; paged. */
public final class ExplorePage implements Handler<RoutingContext> {
  private final Site site;

  private record View(Facets facets, Products products) {}

  ExplorePage(Site site) {
    this.site = site;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Filter filter = Filter.of(ctx.queryParams());
    Texts.Words w = site.texts().words(ctx);
    Future.all(site.facets(), site.products(filter, w.lang()))
        .map(both -> new View(both.resultAt(0), both.resultAt(1)))
        .onSuccess(v -> Layout.send(ctx, w, w.get("explore.title"),
            form(w, filter, v.facets()) + results(ctx, w, filter, v.products()), null))
        .onFailure(ctx::fail);
  }

  private String form(Texts.Words w, Filter f, Facets facets) {
    StringBuilder out = new StringBuilder("<form class=\"filters\" method=\"get\" action=\"/explore\" role=\"search\">")
        .append("<input type=\"hidden\" name=\"lang\" value=\"").append(w.lang()).append("\">")
        .append("<p><label for=\"q\">").append(escape(w.get("explore.text"))).append("</label> <input id=\"q\" name=\"q\" type=\"search\" value=\"")
        .append(escape(f.text())).append("\"></p>");
    List<Facets.Count> goals = facets.sdgs().stream()
        .sorted(java.util.Comparator.comparingInt(Facets::goal)).toList();
    select(out, w, "sdg", "facet.sdg", f.sdg(), goals, c -> String.valueOf(Facets.goal(c)),
        c -> Facets.goal(c) + " · " + site.labels().sdg(Facets.goal(c), w.lang()));
    select(out, w, "licence", "facet.licence", f.licence(), facets.licences(), c -> Labels.localName(c.iri()),
        c -> Labels.localName(c.iri()));
    select(out, w, "type", "facet.type", f.type(), facets.types(), c -> Labels.localName(c.iri()),
        c -> site.labels().label(c.iri(), w.lang()));
    select(out, w, "country", "facet.country", f.country(), facets.countries(), c -> Labels.localName(c.iri()),
        c -> site.labels().country(c.iri(), w.lang()));
    select(out, w, "source", "facet.source", f.source(), facets.sources(), c -> Labels.localName(c.iri()),
        c -> c.label() == null ? Labels.localName(c.iri()) : c.label());
    return out.append("<p><button type=\"submit\">").append(escape(w.get("explore.apply"))).append("</button> <a href=\"/explore?lang=")
        .append(w.lang()).append("\">").append(escape(w.get("explore.clear"))).append("</a></p></form>\n").toString();
  }

  private static void select(StringBuilder out, Texts.Words w, String name, String label, String chosen,
      List<Facets.Count> counts, Function<Facets.Count, String> value, Function<Facets.Count, String> text) {
    out.append("<p><label for=\"").append(name).append("\">").append(escape(w.get(label))).append("</label> <select id=\"")
        .append(name).append("\" name=\"").append(name).append("\"><option value=\"\">").append(escape(w.get("explore.any")))
        .append("</option>");
    for (Facets.Count c : counts) {
      String v = value.apply(c);
      out.append("<option value=\"").append(escape(v)).append('"').append(v.equals(chosen) ? " selected" : "").append('>')
          .append(escape(text.apply(c))).append(" (").append(c.products()).append(")</option>");
    }
    out.append("</select></p>");
  }

  private String results(RoutingContext ctx, Texts.Words w, Filter f, Products found) {
    StringBuilder out = new StringBuilder("<h2 id=\"count\" data-count=\"").append(found.total()).append("\">")
        .append(escape(w.format("explore.count", found.total()))).append("</h2>\n<ol class=\"results\" start=\"")
        .append((f.page() - 1) * Filter.PAGE_SIZE + 1).append("\">\n");
    for (Products.Product p : found.items()) {
      out.append("<li><a href=\"").append(escape(site.local(p.iri()))).append("\">").append(escape(p.title())).append("</a>");
      p.goals().forEach(g -> out.append(" <span class=\"goal\" style=\"background:").append(Labels.colour(g))
          .append(";color:").append(Labels.ink(g)).append("\" title=\"").append(escape(site.labels().sdg(g, w.lang())))
          .append("\">").append(escape(w.format("explore.goal", g))).append("</span>"));
      if (!p.description().isEmpty()) {
        out.append("<p>").append(escape(p.description())).append("</p>");
      }
      out.append("</li>\n");
    }
    out.append("</ol>\n<nav aria-label=\"").append(escape(w.get("explore.pages"))).append("\" class=\"pager\">");
    if (f.page() > 1) {
      out.append("<a rel=\"prev\" href=\"/explore?").append(escape(Layout.query(ctx, Map.of("page", String.valueOf(f.page() - 1)))))
          .append("\">").append(escape(w.get("explore.previous"))).append("</a> ");
    }
    if ((long) f.page() * Filter.PAGE_SIZE < found.total()) {
      out.append("<a rel=\"next\" href=\"/explore?").append(escape(Layout.query(ctx, Map.of("page", String.valueOf(f.page() + 1)))))
          .append("\">").append(escape(w.get("explore.next"))).append("</a>");
    }
    return out.append("</nav>\n").toString();
  }
}
