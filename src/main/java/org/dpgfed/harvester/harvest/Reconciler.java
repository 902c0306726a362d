package org.dpgfed.harvester.harvest;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntFunction;
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
      return store.read(conn -> new Session(sourceId, index.read(conn, sourceId)));
    } catch (RuntimeException e) {
      lock.unlock();
      throw e;
    }
  }

  /** One run's reconciliation. */
  final class Session implements ProductKeys, AutoCloseable {
    private final String sourceId;
    private final Map<IRI, IdentityIndex.Entry> others;
    private Map<IRI, Reconciliation.Match> matches = Map.of();
    private RunRecords run;
    private IntFunction<Reconciliation.Match> runMatches;

    private Session(String sourceId, Map<IRI, IdentityIndex.Entry> others) {
      this.sourceId = sourceId;
      this.others = others;
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

    /** A run's records, however many (see {@link Reconciliation#ofRun}). */
    @Override
    public IntFunction<Reconciliation.Match> keys(RunRecords records) {
      Reconciliation.OfRun reconciled = Reconciliation.ofRun(records, others);
      matches = reconciled.matches();
      run = records;
      runMatches = reconciled.run();
      return runMatches;
    }

    /** A record's match: another source's, or one of the run's. */
    private Reconciliation.Match matchOf(IRI record) {
      Reconciliation.Match m = matches.get(record);
      if (m != null || run == null) {
        return m;
      }
      int slot = run.slotOf(record);
      return slot < 0 ? null : runMatches.apply(slot);
    }

    /** Whether the source's records had contacts kept, on the committed state. */
    boolean hadContacts(RepositoryConnection committed) {
      return contacts.has(committed, sourceId);
    }

    /** Whether the people records name are kept at all (else a run need not gather them). */
    boolean keepsContacts() {
      return contacts.keeps();
    }

    /** In the run's transaction, before the people its records name are added: forgets the old ones. */
    void forgetContacts(RepositoryConnection conn, RepositoryConnection committed) {
      contacts.remove(conn, committed, sourceId);
    }

    /** In the run's transaction: people its records name. */
    void addContacts(RepositoryConnection conn, Model people) {
      contacts.add(conn, people);
    }

    /**
     * In the run's transaction, after its graph was replaced (or kept, {@code replaced} false):
     * the index and the other graphs. {@code committed} reads the state before the transaction.
     */
    void apply(RepositoryConnection conn, RepositoryConnection committed, RunRecords records, boolean replaced) {
      IRI graph = iris.sourceGraph(sourceId);
      index.replace(store, conn, committed, sourceId, records::forEachIdentity);
      realign(conn, replaced ? graph : null, replaced ? each -> Realignment.topics(committed, graph, each) : each -> { });
    }

    /** In a feed run's transaction: the index, the other graphs, contacts (a feed names none). */
    void apply(RepositoryConnection conn, Map<IRI, IdentityIndex.Entry> identities, Model runContacts) {
      IRI graph = iris.sourceGraph(sourceId);
      Map<IRI, IRI> before = store.read(committed -> Realignment.topics(committed, graph));
      index.replace(conn, sourceId, identities);
      contacts.replace(conn, sourceId, runContacts);
      realign(conn, graph, before::forEach);
    }

    private void realign(RepositoryConnection conn, IRI written, Consumer<BiConsumer<IRI, IRI>> before) {
      Set<IRI> touched = new Realignment(conn, iris, written).apply(this::matchOf, before);
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
