package org.dpgfed.harvester.harvest;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.query.QueryResults;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/** Counts of what a source graph holds. */
final class TripleStoreCounts {
  private TripleStoreCounts() {}

  static int records(RepositoryConnection conn, IRI graph) {
    return QueryResults.asModel(conn.getStatements(null, RDF.TYPE, DCAT.CATALOG_RECORD, false, graph)).size();
  }
}
