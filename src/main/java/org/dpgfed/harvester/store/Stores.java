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
    Config.Remote remote = settings.remote();
    Repository repository = switch (settings.type()) {
      case "sparql" -> sparql(remote);
      case "rdf4j" -> rdf4j(remote);
      default -> throw new IllegalArgumentException("store.type " + settings.type());
    };
    repository.init();
    return TripleStore.remote(repository, writer);
  }

  private static Repository sparql(Config.Remote remote) {
    SparqlStore repository = new SparqlStore(remote.queryEndpoint(), remote.updateEndpoint());
    if (!remote.username().isEmpty()) {
      repository.setUsernameAndPassword(remote.username(), remote.password());
    }
    return repository;
  }

  private static Repository rdf4j(Config.Remote remote) {
    HTTPRepository repository = new HTTPRepository(remote.serverUrl(), remote.repository());
    if (!remote.username().isEmpty()) {
      repository.setUsernameAndPassword(remote.username(), remote.password());
    }
    return repository;
  }
}
