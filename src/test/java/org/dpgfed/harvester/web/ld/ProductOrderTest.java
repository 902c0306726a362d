package org.dpgfed.harvester.web.ld;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.store.TripleStore;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue's order of products, kept between writes, against the SPARQL query that sorts
 * them at every page: the same products in the same order, before and after a write.
 */
class ProductOrderTest {
  private static final Iris IRIS = new Iris("https://node.example.org");
  @TempDir Path dir;

  @Test
  void slicesFollowTheSparqlOrderBeforeAndAfterAWrite() {
    try (TripleStore store = TripleStore.openEmbedded(dir)) {
      Random random = new Random(7);
      store.write(conn -> {
        for (int i = 0; i < 600; i++) { // hash keys of both signs, many listed twice
          record(conn, "s" + (i % 3), "r" + i, IRIS.product(HexFormat.of().toHexDigits(random.nextLong() % 300)));
        }
        // not in the catalogue: a topic outside the source graphs, and one of a subject that is no record
        conn.add(Values.iri("https://node.example.org/id/x"), FOAF.PRIMARY_TOPIC, IRIS.product("00000000000000ff"), IRIS.metaGraph());
        conn.add(Values.iri("https://node.example.org/id/y"), FOAF.PRIMARY_TOPIC, IRIS.product("00000000000000fe"),
            IRIS.sourceGraph("s0"));
      });
      ProductOrder order = new ProductOrder(store, IRIS);
      assertSameOrder(store, order);
      store.write(conn -> { // products whose IRIs are not of hash keys: kept as IRIs
        for (int i = 0; i < 60; i++) {
          record(conn, "s1", "late" + i, i % 2 == 0 ? IRIS.product("custom-" + random.nextInt(20))
              : Values.iri("https://elsewhere.example.org/thing/" + i));
        }
        record(conn, "s2", "later", Values.iri("https://aaa.example.org/first"));
        conn.remove((IRI) null, FOAF.PRIMARY_TOPIC, null, IRIS.sourceGraph("s0"));
      });
      assertSameOrder(store, order);
    }
  }

  private static void record(RepositoryConnection conn, String source, String id, IRI product) {
    IRI record = IRIS.record(source, id);
    conn.add(record, RDF.TYPE, DCAT.CATALOG_RECORD, IRIS.sourceGraph(source));
    conn.add(record, FOAF.PRIMARY_TOPIC, product, IRIS.sourceGraph(source));
  }

  private static void assertSameOrder(TripleStore store, ProductOrder order) {
    List<IRI> expected = store.read(conn -> {
      List<IRI> products = new ArrayList<>();
      String query = "SELECT DISTINCT ?p WHERE { GRAPH ?g { ?r a <" + DCAT.CATALOG_RECORD + "> ; <" + FOAF.PRIMARY_TOPIC
          + "> ?p } FILTER(STRSTARTS(STR(?g), \"" + IRIS.sourceGraphPrefix() + "\")) } ORDER BY STR(?p)";
      try (var result = conn.prepareTupleQuery(QueryLanguage.SPARQL, query).evaluate()) {
        for (BindingSet row : result) {
          products.add((IRI) row.getValue("p"));
        }
      }
      return products;
    });
    List<IRI> paged = new ArrayList<>();
    for (long from = 0; from <= expected.size(); from += 37) {
      List<IRI> slice = order.slice(from, 37);
      assertEquals(expected.subList((int) from, (int) Math.min(expected.size(), from + 37)), slice, "from " + from);
      paged.addAll(slice);
    }
    assertEquals(expected, paged);
  }
}
