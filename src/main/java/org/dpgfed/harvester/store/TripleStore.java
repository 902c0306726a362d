package org.dpgfed.harvester.store;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.rdf4j.common.transaction.IsolationLevels;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.impl.MapBindingSet;
import org.eclipse.rdf4j.repository.Repository;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.RepositoryResult;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.lmdb.LmdbStore;
import org.eclipse.rdf4j.sail.lmdb.config.LmdbStoreConfig;

/**
 * The RDF4J facade: the embedded LMDB store in the data directory, or a remote store (see
 * {@link Stores}). Every method blocks; callers run them on a worker pool, never on the event loop.
 */
public final class TripleStore implements AutoCloseable {
  private final Repository repository;
  /**
   * Values kept resolved in memory (RDF4J's default is 512). A query that groups or counts
   * distinct IRIs hashes their text, so every value missing here is read from the store again.
   */
  private static final int VALUE_CACHE = 1 << 16;
  /** Value to id lookups kept (RDF4J's default is 128): the constants of queries and of harvests. */
  private static final int VALUE_ID_CACHE = 1 << 13;

  /**
   * The statement indexes of a new store. cpos serves a graph read with the predicate known (the
   * SPARQL endpoint reads a GRAPH ?g pattern graph by graph) and a whole graph (replace, export).
   */
  public static final String INDEXES = "spoc,posc,cpos";
  /** The graph-first index that makes reading graph by graph cheap. */
  private static final String GRAPH_FIRST = "cpos";

  private final WriterLock writer;
  private final boolean embedded;
  private final boolean graphFirst;
  private volatile Supplier<Collection<? extends Resource>> known = List::of;
  /** Writes committed through this store object. */
  private final AtomicLong writes = new AtomicLong();
  /**
   * Set by {@link #close()}: RDF4J opens a closed repository again when asked for a connection, so
   * a task still running at shutdown would open the store anew, never to close it.
   */
  private volatile boolean closed;
  private final GraphCounts counts;

  private TripleStore(Repository repository, WriterLock writer, boolean embedded, boolean graphFirst) {
    this.repository = repository;
    this.writer = writer;
    this.embedded = embedded;
    this.graphFirst = graphFirst;
    this.counts = new GraphCounts(this);
  }

  /** Opens the store in {@code dir/store}, creating it on first start; only this process writes it. */
  public static TripleStore openEmbedded(Path dir) {
    return openEmbedded(dir, WriterLock.local());
  }

  static TripleStore openEmbedded(Path dir, WriterLock writer) {
    String indexes = StoreIndexes.of(dir.resolve("store"), INDEXES);
    LmdbStoreConfig config = new LmdbStoreConfig(indexes).setValueCacheSize(VALUE_CACHE)
        .setValueIDCacheSize(VALUE_ID_CACHE);
    Repository repository = new SailRepository(new LmdbStore(dir.resolve("store").toFile(), config));
    repository.init();
    return new TripleStore(repository, writer, true, List.of(indexes.split(",")).contains(GRAPH_FIRST));
  }

  /** A remote store, already initialised. */
  static TripleStore remote(Repository repository, WriterLock writer) {
    return new TripleStore(repository, writer, false, false);
  }

  /**
   * Whether the store reads a graph's statements of one predicate without touching other graphs
   * (an embedded store with the graph-first index), so a query may read graph by graph.
   */
  public boolean readsGraphFirst() {
    return graphFirst;
  }

  /** A query result's row as the node shows it: blank nodes a remote store keeps as IRIs are blank nodes again. */
  public static BindingSet shown(BindingSet row) {
    MapBindingSet shown = new MapBindingSet();
    row.forEach(binding -> shown.addBinding(binding.getName(), Skolem.in(binding.getValue())));
    return shown;
  }

  /** A statement as the node shows it (see {@link #shown(BindingSet)}). */
  public static Statement shown(Statement st) {
    return Skolem.in(st);
  }

  /** A connection for a caller that streams (the SPARQL endpoint); the caller closes it. */
  public RepositoryConnection connection() {
    return open();
  }

  private RepositoryConnection open() {
    if (closed) {
      throw new IllegalStateException("the store is closed");
    }
    return repository.getConnection();
  }

  /**
   * Names the graphs the node writes (the meta graph and every registered source's), so that
   * {@link #graphs} finds them even when the store's own listing misses one.
   */
  public void knowGraphs(Supplier<Collection<? extends Resource>> graphs) {
    this.known = graphs;
  }

  /**
   * The graphs that hold statements: the store's listing, and every graph the node writes that
   * holds any. RDF4J 5.2's LMDB store can drop graphs from its listing (not their statements) when
   * one transaction grows its files, so the listing alone is not trusted.
   */
  public List<Resource> graphs(RepositoryConnection conn) {
    Set<Resource> graphs = new LinkedHashSet<>();
    try (RepositoryResult<Resource> listed = conn.getContextIDs()) {
      listed.forEach(graphs::add);
    }
    for (Resource graph : known.get()) {
      if (!graphs.contains(graph) && conn.hasStatement(null, null, null, false, graph)) {
        graphs.add(graph);
      }
    }
    return List.copyOf(graphs);
  }

  /**
   * What the store's content is known by: the writes committed through this object and, for a
   * remote store, which other nodes may also write, the minute (see {@link PerState}).
   */
  public record State(long writes, long minute) {}

  public State state() {
    return new State(writes.get(), embedded ? 0 : System.currentTimeMillis() / 60_000);
  }

  /** Each graph's statement and product counts, kept while the content stays (see {@link GraphCounts}). */
  public GraphCounts counts() {
    return counts;
  }

  public <T> T read(Function<RepositoryConnection, T> work) {
    try (RepositoryConnection conn = open()) {
      return work.apply(conn);
    }
  }

  /** Runs the work in one transaction: all of it becomes visible at once, or none. */
  public void write(Consumer<RepositoryConnection> work) {
    write(conn -> null, (conn, nothing) -> work.accept(conn));
  }

  /**
   * Prepares on the committed state (fast reads, no transaction), then writes in one transaction;
   * no other write comes between. Reads inside a large transaction are slow, so work that must
   * read a lot reads through {@code prepare}'s connection: it stays open, on the committed state,
   * until the transaction ends, so what {@code prepare} returns may go on reading through it.
   */
  public <T> void write(Function<RepositoryConnection, T> prepare, BiConsumer<RepositoryConnection, T> work) {
    writer.lock();
    try (RepositoryConnection committed = open()) {
      T prepared = prepare.apply(committed);
      transaction(conn -> work.accept(conn, prepared));
    } finally {
      writer.unlock();
    }
  }

  private void transaction(Consumer<RepositoryConnection> work) {
    try (RepositoryConnection conn = open()) {
      // Not NONE, though it would write faster: LMDB keeps values apart from statements, and a
      // query running beside a NONE transaction that clears a graph can meet a value already gone.
      conn.begin(IsolationLevels.SNAPSHOT_READ);
      try {
        work.accept(conn);
        conn.commit();
        writes.incrementAndGet();
      } catch (RuntimeException e) {
        conn.rollback();
        throw e;
      }
    }
  }

  /**
   * What replacing a graph changed: how many catalogue records it held before and after, how many
   * of them are new and how many went, and how many statements it holds now.
   */
  public record Replaced(long recordsBefore, long recordsAfter, long added, long removed, long triples) {}

  /** Bookkeeping that lands with a graph replacement: prepared on the committed state, then written. */
  public interface Replacement<T> {
    /**
     * On the committed state, before anything is written; the connection stays open until the
     * transaction ends, so what this returns may go on reading through it.
     */
    T prepare(RepositoryConnection committed, Replaced replaced);

    /** In the transaction, before the new content is added. */
    default void begin(RepositoryConnection conn, T prepared) {
    }

    /** Right after one batch of the new content is added to the graph. */
    default void added(RepositoryConnection conn, Collection<Statement> batch, T prepared) {
    }

    void write(RepositoryConnection conn, Replaced replaced, T prepared);
  }

  /** A graph's new content, which may be too large to hold: read in batches, as often as needed. */
  public interface Content {
    /** How many catalogue records it holds. */
    long recordCount();

    /** Whether it holds a catalogue record. */
    boolean hasRecord(Resource record);

    /** Hands every statement over, batch by batch. */
    void forEachBatch(Consumer<Collection<Statement>> batch);
  }

  /**
   * Replaces a graph's content in one transaction, so a query sees the old graph or the new one,
   * never a mixture; {@code also} writes the bookkeeping that must land with it. The content is
   * added batch by batch (the store's change set, not the caller, holds what is not yet committed).
   * A graph that holds statements is brought to the new content by {@link GraphDiff}: in the
   * embedded store it writes only what differs, a remote store's graph is cleared first.
   * Consecutive additions form one change; every later change is merged into the first one by
   * copying it, so an empty graph is not cleared (a first harvest's content is then the first
   * change, never copied), and {@code also} writes its own large additions before anything it
   * removes. A diff's removals come between its batches; they are what changed, usually little.
   */
  public <T> Replaced replaceGraph(IRI graph, Content content, Replacement<T> also) {
    Replaced[] result = new Replaced[1];
    write(conn -> {
      boolean empty = !conn.hasStatement(null, null, null, false, graph);
      long before = 0;
      long kept = 0;
      try (RepositoryResult<Statement> listed = conn.getStatements(null, RDF.TYPE, DCAT.CATALOG_RECORD, false, graph)) {
        for (Statement st : listed) {
          before++;
          kept += content.hasRecord(st.getSubject()) ? 1 : 0;
        }
      }
      long after = content.recordCount();
      result[0] = new Replaced(before, after, after - kept, before - kept, 0);
      return new Replacing<>(conn, empty, also.prepare(conn, result[0]));
    }, (conn, replacing) -> {
      GraphDiff diff = replacing.empty() ? null : new GraphDiff(replacing.committed(), conn, graph, !embedded);
      also.begin(conn, replacing.prepared());
      long[] triples = {0};
      content.forEachBatch(batch -> {
        if (diff != null) {
          diff.apply(batch);
        } else {
          conn.add(batch, graph);
        }
        triples[0] += batch.size();
        also.added(conn, batch, replacing.prepared());
      });
      if (diff != null) {
        diff.removeRest();
      }
      Replaced r = result[0];
      result[0] = new Replaced(r.recordsBefore(), r.recordsAfter(), r.added(), r.removed(), triples[0]);
      also.write(conn, result[0], replacing.prepared());
    });
    return result[0];
  }

  /** A replacement prepared: the committed state it read, whether the graph was empty, and {@code also}'s part. */
  private record Replacing<T>(RepositoryConnection committed, boolean empty, T prepared) {}

  /**
   * A diff of part of a graph, in {@code conn}'s transaction (see {@link GraphDiff}); in a remote
   * store the part is removed whole and written again, as reading it subject by subject would be
   * one request each.
   */
  public GraphDiff diff(RepositoryConnection committed, RepositoryConnection conn, IRI graph, List<IRI> predicates,
      java.util.function.Predicate<Resource> owned) {
    return new GraphDiff(committed, conn, graph, predicates, owned, !embedded);
  }

  /** The catalogue records a graph holds now. */
  public Set<Resource> records(IRI graph) {
    return read(conn -> records(conn, graph));
  }

  public long size(IRI graph) {
    return read(conn -> conn.size(graph));
  }

  /** How many distinct products a graph's records are about (counted by hash, {@link ResourceSet}). */
  static long productCount(RepositoryConnection conn, IRI graph) {
    ResourceSet products = new ResourceSet();
    long count = 0;
    try (RepositoryResult<Statement> result = conn.getStatements(null, FOAF.PRIMARY_TOPIC, null, false, graph)) {
      for (Statement st : result) {
        if (st.getObject() instanceof IRI product && products.add(product)) {
          count++;
        }
      }
    }
    return count;
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

  /**
   * Closes the store. An embedded store is closed before the threads that read through it end:
   * RDF4J's LMDB value store keeps a read transaction for each such thread, closed here while the
   * thread lives, and otherwise aborted by a cleaner after the thread has gone, which, once the
   * store has closed, touches freed memory and aborts the JVM.
   */
  @Override
  public void close() {
    closed = true;
    repository.shutDown();
  }

  /**
   * Closes the store, waiting up to {@code grace} for connections still open (a query being
   * evaluated) to end; after that their threads are interrupted and the connections closed under
   * them, which a read in progress in LMDB may not survive: callers that exit anyway give more
   * time than they will wait. As {@link #close()}, before the threads that read through it end.
   */
  public void close(java.time.Duration grace) {
    if (repository instanceof SailRepository sail && sail.getSail() instanceof org.eclipse.rdf4j.sail.helpers.AbstractSail s) {
      s.setConnectionTimeOut(Math.max(1, grace.toMillis()));
    }
    close();
  }
}
