package org.dpgfed.harvester.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/**
 * How many statements, and products, each graph holds: counted at the first request after the
 * store's content may have changed, then kept ({@link PerState}). Counting reads the whole graph
 * (seconds for a few million statements), and the service description, the VoID description and
 * the metrics, which anyone may ask for often, show them for every graph. A count in progress is
 * waited for by the requests that need the same one, not by those that need another.
 */
public final class GraphCounts {
  /** The key of the whole store's count. */
  private static final Resource EVERY_GRAPH = Values.iri("urn:x-dpg-harvester:every-graph");

  private final TripleStore store;
  private final AtomicLong counted = new AtomicLong();
  private final PerState<Kept> kept;

  /** The counts made for one state of the store. */
  private record Kept(Map<Resource, Long> triples, Map<Resource, Long> products) {
    Kept() {
      this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }
  }

  GraphCounts(TripleStore store) {
    this.store = store;
    this.kept = new PerState<>(store, Kept::new);
  }

  public long triples(Resource graph) {
    return count(kept.get().triples(), graph, conn -> conn.size(graph));
  }

  /** The statements in every graph. */
  public long storeTriples() {
    return count(kept.get().triples(), EVERY_GRAPH, RepositoryConnection::size);
  }

  /** The distinct products the graph's records are about ({@link TripleStore#productCount}). */
  public long products(IRI graph) {
    return count(kept.get().products(), graph, conn -> TripleStore.productCount(conn, graph));
  }

  /** How many counts were made rather than found kept (for tests). */
  long counted() {
    return counted.get();
  }

  private long count(Map<Resource, Long> counts, Resource key, Function<RepositoryConnection, Long> count) {
    return counts.computeIfAbsent(key, k -> {
      counted.incrementAndGet();
      return store.read(count);
    });
  }
}
