package org.dpgfed.harvester.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.testing.TestFuseki;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.query.QueryEvaluationException;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.TupleQuery;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.RepositoryException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A SPARQL endpoint (an in-process Fuseki) as the store: transactions as the embedded store has them. */
class SparqlStoreTest {
  static final IRI G1 = Values.iri("https://example.org/g1");
  static final IRI G2 = Values.iri("https://example.org/g2");
  static final IRI P = Values.iri("https://example.org/p");

  TripleStore store;
  String dataset;

  /** The Graph Store Protocol endpoint the store is given; empty: none, every write goes by SPARQL Update. */
  String graphStore(String dataset) {
    return "";
  }

  TripleStore open(String updateEndpoint) {
    return Stores.open(new Config.Store(null, "sparql", dataset + "/query", updateEndpoint, graphStore(dataset), "", "",
        "", ""), WriterLock.local());
  }

  @BeforeEach
  void open() {
    dataset = TestFuseki.newDataset();
    store = open(dataset + "/update");
    store.write(conn -> {
      conn.add(iri("a"), P, iri("x"), G1);
      conn.add(iri("b"), P, iri("x"), G1);
      conn.add(iri("c"), P, iri("x"), G2);
    });
  }

  @AfterEach
  void close() {
    store.close();
  }

  static IRI iri(String name) {
    return Values.iri("https://example.org/" + name);
  }

  static Set<String> subjects(RepositoryConnection conn, IRI graph) {
    return conn.getStatements(null, null, null, false, graph).stream()
        .map(st -> st.getSubject().stringValue().replace("https://example.org/", "")).collect(Collectors.toSet());
  }

  @Test
  void readsInsideAWriteSeeItsOwnAdditionsRemovalsAndClears() {
    store.write(conn -> {
      conn.add(iri("d"), P, iri("x"), G1);
      conn.remove(iri("a"), P, iri("x"), G1);
      assertEquals(Set.of("b", "d"), subjects(conn, G1));
      assertFalse(conn.hasStatement(iri("a"), P, null, false));
      assertTrue(conn.hasStatement(iri("d"), P, iri("x"), false, G1));
      assertEquals(2, conn.size(G1));
      conn.clear(G2);
      assertEquals(0, conn.size(G2));
      conn.add(iri("e"), P, iri("x"), G2);
      assertEquals(Set.of("e"), subjects(conn, G2));
      conn.remove((Resource) null, P, iri("x"), G1);
      assertEquals(Set.of(), subjects(conn, G1), "a pattern removes what the transaction added too");
      assertEquals(1, conn.size());
    });
    assertEquals(Set.of(), store.read(conn -> subjects(conn, G1)));
    assertEquals(Set.of("e"), store.read(conn -> subjects(conn, G2)));
  }

  @Test
  void writesLandInTheOrderTheyWereMade() {
    store.write(conn -> {
      conn.add(iri("d"), P, iri("x"), G1);
      conn.clear(G1);
      conn.add(iri("e"), P, iri("x"), G1);
      conn.remove(iri("e"), P, iri("x"), G1);
      conn.add(iri("f"), P, iri("x"), G1);
      conn.remove(iri("c"), P, iri("x"), G2);
      conn.add(iri("c"), P, iri("x"), G2);
    });
    assertEquals(Set.of("f"), store.read(conn -> subjects(conn, G1)));
    assertEquals(Set.of("c"), store.read(conn -> subjects(conn, G2)));
  }

  @Test
  void aBlankNodeWrittenInAWriteIsReadAndRemovedAsItself() {
    BNode node = Values.bnode();
    store.write(conn -> {
      conn.add(node, P, Values.literal("one"), G1);
      Statement read = conn.getStatements(null, P, Values.literal("one"), false, G1).stream().findFirst().orElseThrow();
      assertEquals(node, read.getSubject());
    });
    store.write(conn -> {
      Statement read = conn.getStatements(null, P, Values.literal("one"), false, G1).stream().findFirst().orElseThrow();
      assertEquals(node, read.getSubject(), "read back as the same blank node");
      conn.remove(read);
      assertFalse(conn.hasStatement(node, null, null, false));
    });
    boolean left = store.read(conn -> conn.hasStatement(null, P, Values.literal("one"), false));
    assertFalse(left);
  }

  @Test
  void aFailedWriteLeavesTheStoreAsItWas() {
    assertThrows(IllegalStateException.class, () -> store.write(conn -> {
      conn.clear(G1);
      conn.add(iri("d"), P, iri("x"), G1);
      throw new IllegalStateException("stop");
    }));
    assertEquals(Set.of("a", "b"), store.read(conn -> subjects(conn, G1)));
  }

  @Test
  void aQueryPastItsTimeLimitFailsSoonAfterIt() {
    store.write(conn -> {
      for (int i = 0; i < 40; i++) {
        conn.add(iri("n" + i), P, Values.literal(i), G1);
      }
    });
    long start = System.nanoTime();
    RuntimeException stopped = assertThrows(RuntimeException.class, () -> store.read(conn -> {
      TupleQuery query = conn.prepareTupleQuery(QueryLanguage.SPARQL,
          "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?w { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . ?q ?r ?s } }");
      query.setMaxExecutionTime(1);
      try (TupleQueryResult result = query.evaluate()) {
        return result.hasNext() ? result.next() : null;
      }
    }));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(stopped instanceof QueryEvaluationException || stopped instanceof RepositoryException, stopped.toString());
    assertTrue(millis < 4000, "stopped " + millis + " ms after it started, its limit 1 s");
    assertEquals(2, store.read(conn -> conn.size(G1)) - 40, "the store answers again");
  }
}
