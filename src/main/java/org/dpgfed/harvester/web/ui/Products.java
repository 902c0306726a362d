package org.dpgfed.harvester.web.ui;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.query.QueryResults;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/** One page of the products a {@link Filter} passes, by title, and how many pass in all. */
record Products(long total, List<Product> items) {
  private static final int DESCRIPTION = 240;

  /** A product as a result shows it, in the reader's language where the data has it. */
  record Product(String iri, String title, String description, List<Integer> goals) {}

  static Products find(Site site, RepositoryConnection conn, Filter filter, String lang) {
    String where = filter.pattern(site.base());
    long total;
    try (var result = site.select(conn, Facets.PREFIXES + "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {\n" + where + "}")
        .evaluate()) {
      total = Long.parseLong(result.next().getValue("n").stringValue());
    }
    String page = Facets.PREFIXES + "SELECT ?p (MIN(LCASE(STR(?t))) AS ?k) WHERE {\n" + where
        + "OPTIONAL { ?p dct:title ?t } } GROUP BY ?p ORDER BY ?k ?p LIMIT " + Filter.PAGE_SIZE + " OFFSET "
        + (long) (filter.page() - 1) * Filter.PAGE_SIZE;
    List<Product> items = new ArrayList<>();
    Resource[] graphs = site.graphs(conn);
    try (var result = site.select(conn, page).evaluate()) {
      for (BindingSet row : result) {
        items.add(describe(conn, graphs, (IRI) row.getValue("p"), lang));
      }
    }
    return new Products(total, items);
  }

  private static Product describe(RepositoryConnection conn, Resource[] graphs, IRI product, String lang) {
    Model m = QueryResults.asModel(conn.getStatements(product, null, null, graphs));
    String title = text(m, DCTERMS.TITLE, lang);
    String description = text(m, DCTERMS.DESCRIPTION, lang);
    if (description.length() > DESCRIPTION) {
      description = description.substring(0, DESCRIPTION - 1) + "…";
    }
    List<Integer> goals = new ArrayList<>();
    for (Value v : m.filter(null, DCTERMS.SUBJECT, null).objects()) {
      if (v.stringValue().matches("http://metadata\\.un\\.org/sdg/\\d{1,2}")) {
        goals.add(Integer.parseInt(v.stringValue().substring(Labels.SDG.length())));
      }
    }
    goals.sort(null);
    return new Product(product.stringValue(), title.isEmpty() ? product.stringValue() : title, description,
        goals.stream().distinct().toList());
  }

  /** The value in {@code lang}, else in English or without a language, else any. */
  private static String text(Model m, IRI property, String lang) {
    String best = "";
    int rank = 3;
    for (Value v : m.filter(null, property, null).objects()) {
      if (v instanceof Literal l) {
        String tag = l.getLanguage().orElse("");
        int r = tag.startsWith(lang) ? 0 : tag.isEmpty() || tag.startsWith("en") ? 1 : 2;
        if (r < rank || r == rank && l.getLabel().compareTo(best) < 0) {
          best = l.getLabel();
          rank = r;
        }
      }
    }
    return best;
  }
}
