package org.dpgfed.harvester.store;

import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;

/** A store behind any SPARQL 1.1 Query + Update endpoint; its connections skolemise blank nodes. */
final class SparqlStore extends SPARQLRepository {
  SparqlStore(String queryEndpoint, String updateEndpoint) {
    super(queryEndpoint, updateEndpoint);
  }

  @Override
  public RepositoryConnection getConnection() {
    if (!isInitialized()) {
      init();
    }
    return new SkolemConnection(this, createHTTPClient());
  }
}
