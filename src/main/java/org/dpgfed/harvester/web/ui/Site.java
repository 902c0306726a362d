package org.dpgfed.harvester.web.ui;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.function.Function;
import org.dpgfed.harvester.store.TripleStore;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/**
 * What every page needs: the store (read on a worker pool, never on the event loop), the words
 * and the labels, and the node's public base URL.
 */
record Site(TripleStore store, WorkerExecutor workers, Texts texts, Labels labels, String base) {
  <T> Future<T> read(Function<RepositoryConnection, T> work) {
    return workers.executeBlocking(() -> store.read(work), false);
  }

  /** The address of one of the node's IRIs on this node (pages link locally, whatever the base). */
  String local(String iri) {
    return iri.startsWith(base) ? iri.substring(base.length()) : iri;
  }
}
