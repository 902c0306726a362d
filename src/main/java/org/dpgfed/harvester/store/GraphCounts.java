package org.dpgfed.harvester.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/**
 * How many statements, and products, each graph holds: counted once for each state of the store,
 * then kept until a write through this node commits. Counting reads the whole graph (seconds for
 * a few million statements), and the service description, the VoID description and the metrics,
 * which anyone may ask for often, show them for every graph. A remote store may also be written by
 * other nodes, so its counts are kept a minute at most.
 */
public final class GraphCounts {
  private static final long REMOTE_MAX_AGE = TimeUnit.MINUTES.toNanos(1);
  /** The key of the whole store's count. */
  private static final Resource EVERY_GRAPH = org.eclipse.rdf4j.model.util.Values.iri("urn:x-dpg-harvester:every-graph");

  private final TripleStore store;
  private final boolean remote;
  private final Map<Resource, Long> triples = new HashMap<>();
  private final Map<Resource, Long> products = new HashMap<>();
  private long generation = -1;
  private long countedAt;
  private long counted;

  GraphCounts(TripleStore store, boolean remote) {
    this.store = store;
    this.remote = remote;
  }

  /** The statements in {@code graph}, or in every graph when it is empty. */
  public long triples(Optional<Resource> graph) {
    return count(triples, graph.orElse(EVERY_GRAPH),
        conn -> graph.isPresent() ? conn.size(graph.get()) : conn.size());
  }

  public long triples(Resource graph) {
    return triples(Optional.of(graph));
  }

  /** The distinct products the graph's records are about ({@link TripleStore#productCount}). */
  public long products(IRI graph) {
    return count(products, graph, conn -> TripleStore.productCount(conn, graph));
  }

  /** How many counts were made rather than found kept (for tests). */
  synchronized long counted() {
    return counted;
  }

  /**
   * The generation is read before the snapshot that counts: a write committing meanwhile makes the
   * next call count again.
   */
  private synchronized long count(Map<Resource, Long> kept, Resource key, Function<RepositoryConnection, Long> count) {
    long now = store.generation();
    if (now != generation || remote && System.nanoTime() - countedAt > REMOTE_MAX_AGE) {
      triples.clear();
      products.clear();
      generation = now;
      countedAt = System.nanoTime();
    }
    Long known = kept.get(key);
    if (known == null) {
      known = store.read(count);
      counted++;
      kept.put(key, known);
    }
    return known;
  }
}
