package org.dpgfed.harvester.web.ui;

import static org.dpgfed.harvester.web.Html.escape;

import java.util.Locale;
import java.util.Map;
import org.dpgfed.harvester.web.sparql.ResultFormat;
import org.dpgfed.harvester.web.sparql.ResultFormat.Form;
import org.eclipse.rdf4j.query.MalformedQueryException;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.parser.ParsedBooleanQuery;
import org.eclipse.rdf4j.query.parser.ParsedGraphQuery;
import org.eclipse.rdf4j.query.parser.ParsedQuery;
import org.eclipse.rdf4j.query.parser.QueryParserUtil;

/**
 * The Query page's download links: one group per query form, each with every format the endpoint
 * serves for it; the group of the query's form is shown, and the page's script shows another when
 * the query changes.
 */
final class Downloads {
  private static final Map<Form, String> HEADINGS = Map.of(Form.TUPLE, "query.download", Form.BOOLEAN,
      "query.downloadAnswer", Form.GRAPH, "query.downloadGraph");

  private Downloads() {}

  /** What the query's results are: a table, a yes or no, or a graph; a table when it does not parse. */
  static Form form(String query) {
    try {
      ParsedQuery parsed = QueryParserUtil.parseQuery(QueryLanguage.SPARQL, query, null);
      return parsed instanceof ParsedGraphQuery ? Form.GRAPH : parsed instanceof ParsedBooleanQuery ? Form.BOOLEAN : Form.TUPLE;
    } catch (MalformedQueryException e) {
      return Form.TUPLE; // the editor shows the parser's message when the query runs
    }
  }

  static String html(Texts.Words w, String query, Form shown) {
    StringBuilder out = new StringBuilder("<div id=\"downloads\">");
    for (Form form : Form.values()) {
      out.append("<p data-form=\"").append(form.name().toLowerCase(Locale.ROOT)).append('"')
          .append(form == shown ? "" : " hidden").append('>').append(escape(w.get(HEADINGS.get(form))));
      for (ResultFormat format : ResultFormat.values()) {
        if (format.serves(form)) {
          out.append(" <a download data-format=\"").append(format.shortName()).append("\" href=\"/sparql?format=")
              .append(format.shortName()).append("&amp;query=").append(escape(Layout.encode(query))).append("\">")
              .append(escape(name(format))).append("</a>");
        }
      }
      out.append("</p>");
    }
    return out.append("</div>\n").toString();
  }

  private static String name(ResultFormat format) {
    return format.serves(Form.GRAPH) ? format.rdfFormat().getName() : format.shortName().toUpperCase(Locale.ROOT);
  }
}
