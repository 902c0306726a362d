package org.dpgfed.harvester.harvest;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.registry.IdentityIndex;
import org.dpgfed.harvester.registry.PrivateContacts;
import org.dpgfed.harvester.registry.ProductsChanged;
import org.dpgfed.harvester.store.TripleStore;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/**
 * Reconciles a run's records with every other source's: one run at a time (a session holds the
 * lock from minting to commit), it reads the identity index, decides the run's product keys over
 * all records, and in the run's transaction updates the index, moves other sources' records to
 * their merged products, and keeps the run's contacts where the privacy setting says.
 */
public final class Reconciler {
  private final ReentrantLock lock = new ReentrantLock();
  private final TripleStore store;
  private final Iris iris;
  private final IdentityIndex index;
  private final PrivateContacts contacts;
  private final ProductsChanged productsChanged;
  private final Clock clock;

  public Reconciler(TripleStore store, Iris iris, PrivateContacts contacts, ProductsChanged productsChanged, Clock clock) {
    this.store = store;
    this.iris = iris;
    this.index = new IdentityIndex(iris);
    this.contacts = contacts;
    this.productsChanged = productsChanged;
    this.clock = clock;
  }

  /** Starts a source's reconciliation; blocks while another run reconciles. Close it when done. */
  Session open(String sourceId) {
    lock.lock();
    try {
      return store.read(conn -> new Session(sourceId, index.read(conn),
          Realignment.topics(conn, iris.sourceGraph(sourceId))));
    } catch (RuntimeException e) {
      lock.unlock();
      throw e;
    }
  }

  /** One run's reconciliation. */
  final class Session implements ProductKeys, AutoCloseable {
    private final String sourceId;
    private final Map<IRI, IdentityIndex.Entry> others = new HashMap<>();
    private final Map<IRI, IRI> productsBefore;
    private Map<IRI, Reconciliation.Match> matches = Map.of();

    private Session(String sourceId, Map<IRI, IdentityIndex.Entry> indexed, Map<IRI, IRI> productsBefore) {
      this.sourceId = sourceId;
      this.productsBefore = productsBefore;
      String own = iris.record(sourceId, "").stringValue();
      indexed.forEach((record, entry) -> {
        if (!record.stringValue().startsWith(own)) {
          others.put(record, entry);
        }
      });
    }

    @Override
    public Map<IRI, Reconciliation.Match> keys(Map<IRI, IdentityIndex.Entry> records) {
      Map<IRI, IdentityIndex.Entry> all = new HashMap<>(others);
      all.putAll(records);
      matches = Reconciliation.of(all);
      Map<IRI, Reconciliation.Match> ours = new HashMap<>();
      records.keySet().forEach(r -> ours.put(r, matches.get(r)));
      return ours;
    }

    /** In the run's transaction, after its graph was replaced: the index, other graphs, contacts. */
    void apply(RepositoryConnection conn, Map<IRI, IdentityIndex.Entry> identities, Model runContacts) {
      apply(conn, identities, runContacts, iris.sourceGraph(sourceId), productsBefore);
    }

    /**
     * In an unchanged run's transaction: the graph was kept, so it is realigned like the others
     * (a node that stored it before it kept an index, or with another privacy setting, catches up).
     */
    void applyKept(RepositoryConnection conn, Map<IRI, IdentityIndex.Entry> identities, Model runContacts) {
      apply(conn, identities, runContacts, null, Map.of());
    }

    private void apply(RepositoryConnection conn, Map<IRI, IdentityIndex.Entry> identities, Model runContacts, IRI written,
        Map<IRI, IRI> before) {
      index.replace(conn, sourceId, identities);
      contacts.replace(conn, sourceId, runContacts);
      Set<IRI> touched = new Realignment(conn, iris, written).apply(matches, before);
      if (!touched.isEmpty()) {
        productsChanged.changed(conn, touched, clock.instant());
      }
    }

    @Override
    public void close() {
      lock.unlock();
    }
  }
}
