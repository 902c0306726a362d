package org.dpgfed.harvester.web.ui;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/** How the node's products divide: by SDG, type, licence, deployment country and source. */
record Facets(long products, List<Count> sdgs, List<Count> types, List<Count> licences, List<Count> countries,
    List<Count> sources) {

  static final String PREFIXES = """
      PREFIX dct: <http://purl.org/dc/terms/>
      PREFIX foaf: <http://xmlns.com/foaf/0.1/>
      PREFIX dpg: <https://w3id.org/dpgfed/vocab#>
      PREFIX sdg: <http://metadata.un.org/sdg/>
      """;

  /** One value and how many products have it; {@code label} is a title the data gives, if any. */
  record Count(String iri, String label, long products) {}

  static Facets read(Site site, RepositoryConnection conn) {
    List<Count> total = counts(site, conn, "?r foaf:primaryTopic ?p . BIND(1 AS ?v)");
    return new Facets(total.isEmpty() ? 0 : total.get(0).products(),
        counts(site, conn, "?r foaf:primaryTopic ?p . ?p dct:subject ?v FILTER(STRSTARTS(STR(?v), STR(sdg:)))"),
        counts(site, conn, "?r foaf:primaryTopic ?p . ?p dct:type ?v"),
        counts(site, conn, "?r foaf:primaryTopic ?p . ?p dct:license ?v"),
        counts(site, conn, "?r foaf:primaryTopic ?p . ?p dpg:deploymentCountry ?v"),
        counts(site, conn, "?r foaf:primaryTopic ?p ; dct:source ?v OPTIONAL { ?v dct:title ?label }"));
  }

  /** The goal's number of an SDG IRI. */
  static int goal(Count sdg) {
    return Integer.parseInt(sdg.iri().substring(Labels.SDG.length()));
  }

  private static List<Count> counts(Site site, RepositoryConnection conn, String pattern) {
    String query = PREFIXES + "SELECT ?v (SAMPLE(?label) AS ?l) (COUNT(DISTINCT ?p) AS ?n) WHERE { " + pattern
        + " } GROUP BY ?v ORDER BY DESC(?n) ?v";
    List<Count> counts = new ArrayList<>();
    try (var result = site.select(conn, query).evaluate()) {
      for (BindingSet row : result) {
        Value label = row.getValue("l");
        counts.add(new Count(row.getValue("v").stringValue(), label == null ? null : label.stringValue(),
            Long.parseLong(row.getValue("n").stringValue())));
      }
    }
    return counts;
  }
}
