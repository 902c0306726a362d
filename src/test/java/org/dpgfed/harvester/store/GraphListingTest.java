package org.dpgfed.harvester.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.util.Statements;
import org.eclipse.rdf4j.model.util.Values;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphListingTest {
  private static final int PER_GRAPH = 100_000;

  /** One transaction large enough that the store grows its files while it commits. */
  @Test
  void everyGraphOneLargeTransactionWroteIsListed(@TempDir Path dir) {
    List<IRI> graphs = List.of(Values.iri("https://node.example.org/graph/source/a"),
        Values.iri("https://node.example.org/graph/source/b"), Values.iri("https://node.example.org/graph/source/c"),
        Values.iri("https://node.example.org/graph/meta"));
    try (TripleStore store = TripleStore.openEmbedded(dir)) {
      store.knowGraphs(() -> graphs);
      store.write(conn -> {
        for (IRI graph : graphs) {
          List<Statement> batch = new ArrayList<>();
          for (int i = 0; i < PER_GRAPH; i++) {
            batch.add(Statements.statement(Values.iri(graph + "/s" + i / 10), Values.iri("https://node.example.org/p" + i % 10),
                Values.literal("value " + i), null));
            if (batch.size() == 1_000) {
              conn.add(batch, graph);
              batch.clear();
            }
          }
        }
      });
      assertEquals(Set.copyOf(graphs), Set.copyOf(store.read(store::graphs)));
      for (Resource graph : graphs) {
        assertEquals(PER_GRAPH, store.size((IRI) graph));
      }
    }
  }

  @Test
  void aKnownGraphWithoutStatementsIsNotListed(@TempDir Path dir) {
    IRI empty = Values.iri("https://node.example.org/graph/source/never-harvested");
    try (TripleStore store = TripleStore.openEmbedded(dir)) {
      store.knowGraphs(() -> List.of(empty));
      assertEquals(List.of(), store.read(store::graphs));
    }
  }
}
