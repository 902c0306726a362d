package org.dpgfed.harvester.store;

import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;

/**
 * A store behind any SPARQL 1.1 Query + Update endpoint; its connections skolemise blank nodes,
 * keep a transaction's writes until commit, and bound each query's time ({@link TimedSession}).
 * With a Graph Store Protocol endpoint, a graph's bulk replace is sent to it first ({@link UpdateText}).
 */
final class SparqlStore extends SPARQLRepository {
  private final SessionManager sessions = new SessionManager();
  private final GraphStore graphStore;

  /** @param graphStore a Graph Store Protocol endpoint for bulk graph replaces, or null */
  SparqlStore(String queryEndpoint, String updateEndpoint, GraphStore graphStore) {
    super(queryEndpoint, updateEndpoint);
    this.graphStore = graphStore;
    setHttpClientSessionManager(sessions);
  }

  @Override
  public RepositoryConnection getConnection() {
    if (!isInitialized()) {
      init();
    }
    return new SkolemConnection(this, createHTTPClient(), graphStore);
  }

  @Override
  protected void shutDownInternal() {
    try {
      super.shutDownInternal();
    } finally {
      sessions.shutDown();
    }
  }
}
