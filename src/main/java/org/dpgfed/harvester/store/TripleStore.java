package org.dpgfed.harvester.store;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.rdf4j.common.transaction.IsolationLevels;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.repository.Repository;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.RepositoryResult;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.lmdb.LmdbStore;
import org.eclipse.rdf4j.sail.lmdb.config.LmdbStoreConfig;

/**
 * The RDF4J facade: the embedded LMDB store in the data directory. Every method blocks; callers
 * run them on a worker pool, never on the event loop.
 */
public final class TripleStore implements AutoCloseable {
  private final Repository repository;

  private TripleStore(Repository repository) {
    this.repository = repository;
  }

  /** Opens the store in {@code dir/store}, creating it on first start. */
  public static TripleStore openEmbedded(Path dir) {
    LmdbStoreConfig config = new LmdbStoreConfig("spoc,posc,cspo");
    Repository repository = new SailRepository(new LmdbStore(dir.resolve("store").toFile(), config));
    repository.init();
    return new TripleStore(repository);
  }

  /** A connection for a caller that streams (the SPARQL endpoint); the caller closes it. */
  public RepositoryConnection connection() {
    return repository.getConnection();
  }

  public <T> T read(Function<RepositoryConnection, T> work) {
    try (RepositoryConnection conn = repository.getConnection()) {
      return work.apply(conn);
    }
  }

  /** Runs the work in one transaction: all of it becomes visible at once, or none. */
  public void write(Consumer<RepositoryConnection> work) {
    try (RepositoryConnection conn = repository.getConnection()) {
      conn.begin(IsolationLevels.SNAPSHOT_READ);
      try {
        work.accept(conn);
        conn.commit();
      } catch (RuntimeException e) {
        conn.rollback();
        throw e;
      }
    }
  }

  /**
   * What replacing a graph changed: catalogue records, and the products (their primary topics)
   * listed before or after.
   */
  public record Replaced(Set<Resource> recordsBefore, Set<Resource> recordsAfter, Set<IRI> products, long triples) {
    public int added() {
      return (int) recordsAfter.stream().filter(r -> !recordsBefore.contains(r)).count();
    }

    public int removed() {
      return (int) recordsBefore.stream().filter(r -> !recordsAfter.contains(r)).count();
    }
  }

  /**
   * Replaces a graph's content in one transaction, so a query sees the old graph or the new one,
   * never a mixture; {@code alsoInTransaction} writes bookkeeping that must land with it.
   */
  public Replaced replaceGraph(IRI graph, Iterable<Statement> statements,
      BiConsumer<RepositoryConnection, Replaced> alsoInTransaction) {
    Replaced[] result = new Replaced[1];
    write(conn -> {
      Set<Resource> before = records(conn, graph);
      Set<IRI> products = products(conn, graph);
      conn.clear(graph);
      conn.add(statements, graph);
      products.addAll(products(conn, graph));
      result[0] = new Replaced(before, records(conn, graph), products, conn.size(graph));
      alsoInTransaction.accept(conn, result[0]);
    });
    return result[0];
  }

  public void dropGraph(IRI graph) {
    write(conn -> conn.clear(graph));
  }

  /** The catalogue records a graph holds now. */
  public Set<Resource> records(IRI graph) {
    return read(conn -> records(conn, graph));
  }

  public long size(IRI graph) {
    return read(conn -> conn.size(graph));
  }

  /** The products a graph's records are about. */
  public static Set<IRI> products(RepositoryConnection conn, IRI graph) {
    Set<IRI> products = new HashSet<>();
    try (RepositoryResult<Statement> result = conn.getStatements(null, FOAF.PRIMARY_TOPIC, null, false, graph)) {
      for (Statement st : result) {
        if (st.getObject() instanceof IRI product) {
          products.add(product);
        }
      }
    }
    return products;
  }

  private static Set<Resource> records(RepositoryConnection conn, IRI graph) {
    Set<Resource> records = new HashSet<>();
    try (RepositoryResult<Statement> result = conn.getStatements(null, RDF.TYPE, DCAT.CATALOG_RECORD, false, graph)) {
      for (Statement st : result) {
        records.add(st.getSubject());
      }
    }
    return records;
  }

  @Override
  public void close() {
    repository.shutDown();
  }
}
