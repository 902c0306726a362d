package org.dpgfed.harvester.store;

import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;

/**
 * A store behind any SPARQL 1.1 Query + Update endpoint; its connections skolemise blank nodes,
 * keep a transaction's writes until commit, and bound each query's time ({@link TimedSession}).
 */
final class SparqlStore extends SPARQLRepository {
  private final SessionManager sessions = new SessionManager();

  SparqlStore(String queryEndpoint, String updateEndpoint) {
    super(queryEndpoint, updateEndpoint);
    setHttpClientSessionManager(sessions);
  }

  @Override
  public RepositoryConnection getConnection() {
    if (!isInitialized()) {
      init();
    }
    return new SkolemConnection(this, createHTTPClient());
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
