package org.dpgfed.harvester.web.ui;

import static org.dpgfed.harvester.web.Html.escape;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /query}: a SPARQL editor. The query lives in the page's URL ({@code ?query=}), so a
 * query can be shared; a script runs it against {@code /sparql} and shows a table, and the
 * download links work without it.
 */
public final class QueryPage implements Handler<RoutingContext> {
  private static final String PREFIXES = """
      PREFIX dct: <http://purl.org/dc/terms/>
      PREFIX foaf: <http://xmlns.com/foaf/0.1/>
      PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
      PREFIX dpg: <https://w3id.org/dpgfed/vocab#>
      PREFIX sdg: <http://metadata.un.org/sdg/>
      """;
  /** Examples from vocab/README.md, with the prefixes they use. */
  private static final List<String> EXAMPLES = List.of(PREFIXES + """
      SELECT ?product ?title WHERE {
        ?record foaf:primaryTopic ?product .
        ?product dct:title ?title .
      } ORDER BY ?title LIMIT 50
      """, PREFIXES + """
      SELECT ?sdg (COUNT(DISTINCT ?product) AS ?products) WHERE {
        ?product dct:subject ?sdg . FILTER(STRSTARTS(STR(?sdg), STR(sdg:)))
      } GROUP BY ?sdg ORDER BY xsd:integer(STRAFTER(STR(?sdg), STR(sdg:)))
      """, PREFIXES + """
      SELECT ?product (COUNT(DISTINCT ?source) AS ?sources) (GROUP_CONCAT(DISTINCT STR(?rule); separator=" ") AS ?rules)
      WHERE { ?record foaf:primaryTopic ?product ; dct:source ?source ; dpg:matchedBy ?rule }
      GROUP BY ?product HAVING (COUNT(DISTINCT ?source) > 1) ORDER BY DESC(?sources)
      """);
  private static final List<String> FORMATS = List.of("json", "xml", "csv", "tsv");

  private final Site site;

  QueryPage(Site site) {
    this.site = site;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Texts.Words w = site.texts().words(ctx);
    String asked = ctx.queryParams().get("query");
    String query = asked == null || asked.isBlank() ? EXAMPLES.get(0) : asked;
    StringBuilder out = new StringBuilder("<form id=\"editor\" method=\"get\" action=\"/query\" data-base=\"")
        .append(escape(site.base())).append("\" data-running=\"")
        .append(escape(w.get("query.running"))).append("\" data-rows=\"").append(escape(w.get("query.rows")))
        .append("\" data-error=\"").append(escape(w.get("query.error"))).append("\"><input type=\"hidden\" name=\"lang\" value=\"")
        .append(w.lang()).append("\"><p><label for=\"query\">").append(escape(w.get("query.label")))
        .append("</label></p><textarea id=\"query\" name=\"query\" rows=\"14\" spellcheck=\"false\">")
        .append(escape(query)).append("</textarea><p><button type=\"submit\">")
        .append(escape(w.get("query.run"))).append("</button></p></form>\n");
    out.append("<p id=\"downloads\">").append(escape(w.get("query.download")));
    FORMATS.forEach(f -> out.append(" <a download data-format=\"").append(f).append("\" href=\"/sparql?format=").append(f)
        .append("&amp;query=").append(escape(Layout.encode(query))).append("\">").append(f.toUpperCase(java.util.Locale.ROOT))
        .append("</a>"));
    out.append("</p>\n");
    out.append("<div id=\"status\" role=\"status\" aria-live=\"polite\"></div><div id=\"results\"></div>\n")
        .append("<noscript><p>").append(escape(w.get("query.noscript"))).append("</p></noscript>\n<h2>")
        .append(escape(w.get("query.examples"))).append("</h2>\n<ul>");
    for (int i = 0; i < EXAMPLES.size(); i++) {
      out.append("<li><a href=\"/query?lang=").append(w.lang()).append("&amp;query=").append(escape(Layout.encode(EXAMPLES.get(i))))
          .append("\">").append(escape(w.get("query.example" + (i + 1)))).append("</a></li>");
    }
    out.append("</ul>\n");
    Layout.send(ctx, w, w.get("query.title"), out, "ui/query.js");
  }
}
