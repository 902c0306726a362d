package org.dpgfed.harvester.bench;

import java.nio.file.Path;
import java.util.List;
import org.dpgfed.harvester.store.TripleStore;
import org.eclipse.rdf4j.common.transaction.IsolationLevels;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.lmdb.LmdbStore;
import org.eclipse.rdf4j.sail.lmdb.config.LmdbStoreConfig;

/** The raw RDF4J LMDB load of given statements into one graph, at default isolation: seconds taken. */
final class RawLoad {
  private RawLoad() {}

  static double seconds(List<Statement> statements, Path dir, int batch) {
    SailRepository repository = new SailRepository(new LmdbStore(dir.toFile(), new LmdbStoreConfig(TripleStore.INDEXES)));
    repository.init();
    IRI graph = Values.iri("urn:bench:graph");
    long start = System.nanoTime();
    try (RepositoryConnection conn = repository.getConnection()) {
      for (int from = 0; from < statements.size(); from += batch) {
        conn.begin(IsolationLevels.SNAPSHOT_READ);
        conn.add(statements.subList(from, Math.min(statements.size(), from + batch)), graph);
        conn.commit();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    repository.shutDown();
    return seconds;
  }
}
