package org.dpgfed.harvester.web.ui;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.function.Function;
import org.dpgfed.harvester.store.TripleStore;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.TupleQuery;
import org.eclipse.rdf4j.query.impl.SimpleDataset;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/**
 * What every page needs: the store (read on a worker pool, never on the event loop), the words
 * and the labels, the node's public base URL, and the cache of what Home and Explore read.
 */
record Site(TripleStore store, WorkerExecutor workers, Texts texts, Labels labels, String base, PageCache cache) {
  <T> Future<T> read(Function<RepositoryConnection, T> work) {
    return workers.executeBlocking(() -> store.read(work), false);
  }

  /** How the products divide, as Home and Explore show it; from the cache while the store is unchanged. */
  Future<Facets> facets() {
    return cache.get("facets", "facets", () -> read(conn -> Facets.read(this, conn)));
  }

  /** One page of the products a filter passes, titled in {@code lang}; from the cache while the store is unchanged. */
  Future<Products> products(Filter filter, String lang) {
    return cache.get("products", List.of(filter, lang), () -> read(conn -> Products.find(this, conn, filter, lang)));
  }

  /**
   * The graphs the pages read, as /sparql shows them: the sources' graphs and the meta graph, never
   * the feed's internal graph or personal contacts.
   */
  Resource[] graphs(RepositoryConnection conn) {
    return store.graphs(conn).stream()
        .filter(g -> g.stringValue().startsWith(base + "/graph/source/") || g.stringValue().equals(base + "/graph/meta"))
        .toArray(Resource[]::new);
  }

  /** A SELECT over {@link #graphs} as the default graph. */
  TupleQuery select(RepositoryConnection conn, String query) {
    SimpleDataset dataset = new SimpleDataset();
    Resource[] graphs = graphs(conn);
    for (Resource graph : graphs) {
      dataset.addDefaultGraph((IRI) graph);
    }
    if (graphs.length == 0) {
      dataset.addDefaultGraph(Values.iri(base + "/graph/none")); // an empty set would mean every graph
    }
    TupleQuery prepared = conn.prepareTupleQuery(QueryLanguage.SPARQL, query);
    prepared.setDataset(dataset);
    return prepared;
  }

  /** The address of one of the node's IRIs on this node (pages link locally, whatever the base). */
  String local(String iri) {
    return iri.startsWith(base) ? iri.substring(base.length()) : iri;
  }
}
