package org.dpgfed.harvester.web.ui;

import static org.dpgfed.harvester.web.Html.escape;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.dpgfed.harvester.web.sparql.ResultFormat;

/**
 * {@code GET /query}: a SPARQL editor. The query lives in the page's URL ({@code ?query=}), so a
 * query can be shared; a script highlights it (CodeMirror, when it loads), runs it against
 * {@code /sparql} and shows a table; the download links work without any script.
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
  private final Site site;

  QueryPage(Site site) {
    this.site = site;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Texts.Words w = site.texts().words(ctx);
    String asked = ctx.queryParams().get("query");
    String query = asked == null || asked.isBlank() ? EXAMPLES.get(0) : asked;
    site.workers().executeBlocking(() -> Downloads.form(query), false)
        .onSuccess(form -> Layout.send(ctx, w, w.get("query.title"), body(w, query, form), "ui/query.js"))
        .onFailure(ctx::fail);
  }

  private String body(Texts.Words w, String query, ResultFormat.Form form) {
    StringBuilder out = new StringBuilder("<link rel=\"stylesheet\" href=\"").append(Assets.CODEMIRROR)
        .append("codemirror.css\">\n<form id=\"editor\" method=\"get\" action=\"/query\" data-base=\"")
        .append(escape(site.base())).append('"');
    for (String key : List.of("running", "rows", "error", "triples", "subject", "predicate", "object")) {
      out.append(" data-").append(key).append("=\"").append(escape(w.get("query." + key))).append('"');
    }
    out.append("><input type=\"hidden\" name=\"lang\" value=\"").append(w.lang()).append("\"><p><label for=\"query\" id=\"query-label\">")
        .append(escape(w.get("query.label"))).append("</label></p><p id=\"query-hint\" class=\"hint\">")
        .append(escape(w.get("query.hint"))).append("</p><textarea id=\"query\" name=\"query\" rows=\"14\" spellcheck=\"false\" ")
        .append("aria-describedby=\"query-hint\">").append(escape(query)).append("</textarea><p><button type=\"submit\">")
        .append(escape(w.get("query.run"))).append("</button></p></form>\n").append(Downloads.html(w, query, form))
        .append("<div id=\"status\" role=\"status\" aria-live=\"polite\"></div><div id=\"results\"></div>\n")
        .append("<noscript><p>").append(escape(w.get("query.noscript"))).append("</p></noscript>\n<h2>")
        .append(escape(w.get("query.examples"))).append("</h2>\n<ul>");
    for (int i = 0; i < EXAMPLES.size(); i++) {
      out.append("<li><a href=\"/query?lang=").append(w.lang()).append("&amp;query=").append(escape(Layout.encode(EXAMPLES.get(i))))
          .append("\">").append(escape(w.get("query.example" + (i + 1)))).append("</a></li>");
    }
    return out.append("</ul>\n<script src=\"").append(Assets.CODEMIRROR).append("codemirror.js\"></script><script src=\"")
        .append(Assets.CODEMIRROR).append("sparql.js\"></script>\n").toString();
  }
}
