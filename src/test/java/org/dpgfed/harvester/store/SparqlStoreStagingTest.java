package org.dpgfed.harvester.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.junit.jupiter.api.Test;

/**
 * The same store with a Graph Store Protocol endpoint: every test of {@link SparqlStoreTest}
 * again, and what the staging graphs must never do: stay behind, or show.
 */
class SparqlStoreStagingTest extends SparqlStoreTest {
  @Override
  String graphStore(String dataset) {
    return dataset + "/data";
  }

  /** Whether the endpoint holds any staging graph, asked of it directly. */
  private boolean stagingLeft() {
    return store.read(conn -> conn.prepareBooleanQuery(QueryLanguage.SPARQL,
        "ASK { GRAPH ?g { ?s ?p ?o } FILTER STRSTARTS(STR(?g), \"" + UpdateText.STAGING + "\") }").evaluate());
  }

  @Test
  void aReplacedGraphIsMovedInAndItsStagingGraphGoes() {
    store.write(conn -> {
      conn.clear(G1);
      for (int i = 0; i < 500; i++) {
        conn.add(iri("n" + i), P, Values.literal(i), G1);
      }
      conn.add(iri("y"), P, iri("x"), G2);
      assertEquals(500L, conn.size(G1), "a read inside the write sees the staged statements");
    });
    assertEquals(500L, (long) store.read(conn -> conn.size(G1)));
    assertEquals(Set.of("c", "y"), store.read(conn -> subjects(conn, G2)));
    assertFalse(stagingLeft());
  }

  @Test
  void clearsRemovalsAndAdditionsOfOneGraphKeepTheirOrder() {
    store.write(conn -> {
      conn.clear(G1);
      conn.add(iri("d"), P, iri("x"), G1);
      conn.add(iri("e"), P, iri("x"), G1);
      conn.remove(iri("d"), P, iri("x"), G1);
      conn.add(iri("d2"), P, iri("x"), G1);
      conn.clear(G2);
      conn.add(iri("f"), P, iri("x"), G2);
      conn.clear(G2);
      conn.add(iri("g"), P, iri("x"), G2);
    });
    assertEquals(Set.of("e", "d2"), store.read(conn -> subjects(conn, G1)));
    assertEquals(Set.of("g"), store.read(conn -> subjects(conn, G2)));
    assertFalse(stagingLeft());
  }

  @Test
  void aStagedGraphWhoseUpdateFailsLeavesNothingBehind() {
    TripleStore broken = open(dataset + "/no-update-here"); // the graph store answers, the update endpoint does not
    try {
      assertThrows(RuntimeException.class, () -> broken.write(conn -> {
        conn.clear(G1);
        conn.add(iri("d"), P, iri("x"), G1);
      }));
    } finally {
      broken.close();
    }
    assertEquals(Set.of("a", "b"), store.read(conn -> subjects(conn, G1)));
    assertFalse(stagingLeft(), "the staging graph was dropped");
  }

  @Test
  void aStagingGraphLeftBehindIsNeitherListedNorRead() {
    new GraphStore(graphStore(dataset), "", "").put(UpdateText.staging(G1),
        new org.eclipse.rdf4j.model.impl.LinkedHashModel(java.util.List.of(
            Values.getValueFactory().createStatement(iri("z"), P, iri("x")))));
    assertTrue(stagingLeft());
    Set<Resource> graphs = store.read(conn -> Set.copyOf(store.graphs(conn)));
    assertEquals(Set.of(G1, G2), graphs);
    boolean read = store.read(conn -> conn.hasStatement(iri("z"), null, null, false));
    assertFalse(read);
    store.write(conn -> {
      conn.clear(G1);
      conn.add(iri("h"), P, iri("x"), G1);
    });
    assertEquals(Set.of("h"), store.read(conn -> subjects(conn, G1)), "the next replace puts over it");
    assertFalse(stagingLeft());
  }
}
