package org.dpgfed.harvester.store;

import org.dpgfed.harvester.config.Config;
import org.eclipse.rdf4j.repository.Repository;
import org.eclipse.rdf4j.repository.http.HTTPRepository;

/** Opens the store {@code store.type} names: embedded LMDB, a SPARQL endpoint, or an RDF4J Server repository. */
public final class Stores {
  private Stores() {}

  /** @param writer who else writes: {@link WriterLock#local()} unless nodes share the store */
  public static TripleStore open(Config.Store settings, WriterLock writer) {
    if (settings.embedded()) {
      return TripleStore.openEmbedded(settings.dataDir(), writer);
    }
    Repository repository = switch (settings.type()) {
      case "sparql" -> sparql(settings);
      case "rdf4j" -> rdf4j(settings);
      default -> throw new IllegalArgumentException("store.type " + settings.type());
    };
    repository.init();
    return TripleStore.remote(repository, writer);
  }

  private static Repository sparql(Config.Store settings) {
    GraphStore graphStore = settings.graphStoreEndpoint().isEmpty() ? null
        : new GraphStore(settings.graphStoreEndpoint(), settings.username(), settings.password());
    SparqlStore repository = new SparqlStore(settings.queryEndpoint(), settings.updateEndpoint(), graphStore);
    if (!settings.username().isEmpty()) {
      repository.setUsernameAndPassword(settings.username(), settings.password());
    }
    return repository;
  }

  private static Repository rdf4j(Config.Store settings) {
    HTTPRepository repository = new HTTPRepository(settings.serverUrl(), settings.repository());
    if (!settings.username().isEmpty()) {
      repository.setUsernameAndPassword(settings.username(), settings.password());
    }
    return repository;
  }
}
