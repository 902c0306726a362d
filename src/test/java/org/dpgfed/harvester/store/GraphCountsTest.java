package org.dpgfed.harvester.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counts are made once for each state of the store, and again once a write has committed. */
class GraphCountsTest {
  private static final IRI GRAPH = Values.iri("https://example.org/graph/a");
  private static final IRI OTHER = Values.iri("https://example.org/graph/b");
  @TempDir Path dir;

  private static IRI iri(String local) {
    return Values.iri("https://example.org/" + local);
  }

  @Test
  void countsAreKeptUntilAWriteCommits() {
    try (TripleStore store = TripleStore.openEmbedded(dir)) {
      store.write(conn -> {
        conn.add(iri("r1"), FOAF.PRIMARY_TOPIC, iri("p1"), GRAPH);
        conn.add(iri("r2"), FOAF.PRIMARY_TOPIC, iri("p1"), GRAPH);
        conn.add(iri("r3"), FOAF.PRIMARY_TOPIC, iri("p2"), GRAPH);
        conn.add(iri("p1"), RDFS.LABEL, Values.literal("one"), OTHER);
      });
      GraphCounts counts = store.counts();
      assertEquals(3, counts.triples(GRAPH));
      assertEquals(2, counts.products(GRAPH), "distinct products");
      assertEquals(4, counts.storeTriples(), "every graph");
      assertEquals(3, counts.counted());
      assertEquals(3, counts.triples(GRAPH));
      assertEquals(2, counts.products(GRAPH));
      assertEquals(4, counts.storeTriples());
      assertEquals(3, counts.counted(), "asked again, nothing is counted again");

      store.write(conn -> conn.add(iri("r4"), FOAF.PRIMARY_TOPIC, iri("p3"), GRAPH));
      assertEquals(4, counts.triples(GRAPH));
      assertEquals(3, counts.products(GRAPH));
      assertEquals(5, counts.storeTriples());
      assertEquals(6, counts.counted());

      store.write(conn -> conn.clear(GRAPH));
      assertEquals(0, counts.triples(GRAPH));
      assertEquals(0, counts.products(GRAPH));
      assertEquals(1, counts.triples(OTHER));
    }
  }
}
