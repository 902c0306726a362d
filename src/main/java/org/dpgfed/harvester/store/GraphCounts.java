package org.dpgfed.harvester.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/**
 * How many statements, and products, each graph holds: counted at the first request after a write
 * has committed through the node, then kept until the next. Counting reads the whole graph
 * (seconds for a few million statements), and the service description, the VoID description and
 * the metrics, which anyone may ask for often, show them for every graph. A count in progress is
 * waited for by the requests that need the same one, not by those that need another. A remote
 * store may also be written by other nodes, so its counts are kept a minute at most.
 */
public final class GraphCounts {
  private static final long REMOTE_MAX_AGE = TimeUnit.MINUTES.toNanos(1);
  /** The key of the whole store's count. */
  private static final Resource EVERY_GRAPH = Values.iri("urn:x-dpg-harvester:every-graph");

  private final TripleStore store;
  private final AtomicLong counted = new AtomicLong();
  private volatile Kept kept = new Kept(-1, 0);

  /** The counts made for one generation of the store. */
  private record Kept(long generation, long since, Map<Resource, Long> triples, Map<Resource, Long> products) {
    Kept(long generation, long since) {
      this(generation, since, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }
  }

  GraphCounts(TripleStore store) {
    this.store = store;
  }

  public long triples(Resource graph) {
    return count(current().triples(), graph, conn -> conn.size(graph));
  }

  /** The statements in every graph. */
  public long storeTriples() {
    return count(current().triples(), EVERY_GRAPH, RepositoryConnection::size);
  }

  /** The distinct products the graph's records are about ({@link TripleStore#productCount}). */
  public long products(IRI graph) {
    return count(current().products(), graph, conn -> TripleStore.productCount(conn, graph));
  }

  /** How many counts were made rather than found kept (for tests). */
  long counted() {
    return counted.get();
  }

  /**
   * The counts of the store's current generation (or of a newer one). The generation is read
   * before the snapshot that counts, so counts are never older than the generation they are kept
   * under, and a write committing meanwhile makes the next request count again.
   */
  private Kept current() {
    long generation = store.generation();
    Kept now = kept;
    if (now.generation() >= generation && (store.writtenOnlyHere() || System.nanoTime() - now.since() <= REMOTE_MAX_AGE)) {
      return now;
    }
    synchronized (this) {
      if (kept == now) {
        kept = new Kept(generation, System.nanoTime());
      }
      return kept;
    }
  }

  private long count(Map<Resource, Long> counts, Resource key, Function<RepositoryConnection, Long> count) {
    return counts.computeIfAbsent(key, k -> {
      counted.incrementAndGet();
      return store.read(count);
    });
  }
}
