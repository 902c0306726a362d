package org.dpgfed.harvester.registry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.dpgfed.harvester.model.ConflictException;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.model.NotFoundException;
import org.dpgfed.harvester.store.TripleStore;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.query.QueryResults;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/**
 * The registered sources: kept as RDF in the meta graph (so they survive restarts and can be
 * queried), with a copy in memory for fast reads. Blocking: call from worker threads.
 */
public final class SourceRegistry {
  private final TripleStore store;
  private final Iris iris;
  private final MetaGraph meta;
  private final Clock clock;
  /** The properties of a source that describe its last applied run rather than its settings. */
  private static final List<IRI> HARVEST_STATE = List.of(DPG.CONTENT_HASH, DPG.ETAG, DPG.LAST_MODIFIED);

  private final ProductsChanged productsChanged;
  private final Map<String, Source> sources = new ConcurrentHashMap<>();
  private final List<java.util.function.Consumer<String>> changeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** @param productsChanged told which products lost a listing when a source's graph is dropped */
  public SourceRegistry(TripleStore store, Iris iris, Clock clock, ProductsChanged productsChanged) {
    this.store = store;
    this.iris = iris;
    this.meta = new MetaGraph(iris);
    this.clock = clock;
    this.productsChanged = productsChanged;
  }

  /** Reads every source from the store; called once at start. */
  public void load() {
    Model all = store.read(conn -> QueryResults.asModel(conn.getStatements(null, null, null, false, iris.metaGraph())));
    for (Resource subject : MetaGraph.subjects(all, DPG.SOURCE)) {
      Source source = meta.source(all, subject);
      sources.put(source.id(), source);
    }
  }

  /**
   * Reads one source anew from the store, where another node sharing it may have changed it;
   * empty (and forgotten here) when it is no longer registered.
   */
  public Optional<Source> reload(String id) {
    IRI subject = iris.source(id);
    Model m = store.read(conn -> QueryResults.asModel(conn.getStatements(subject, null, null, false, iris.metaGraph())));
    if (MetaGraph.subjects(m, DPG.SOURCE).isEmpty()) {
      sources.remove(id);
      return Optional.empty();
    }
    Source source = meta.source(m, subject);
    sources.put(id, source);
    return Optional.of(source);
  }

  /** Tells {@code listener} the id of every source this node creates, changes or deletes, once written. */
  public void onChanged(java.util.function.Consumer<String> listener) {
    changeListeners.add(listener);
  }

  public List<Source> list() {
    return sources.values().stream().sorted(Comparator.comparing(Source::id)).toList();
  }

  /** The graphs the node writes for its sources: the meta graph and every registered source's graph. */
  public List<IRI> graphs() {
    List<IRI> graphs = new ArrayList<>(List.of(iris.metaGraph()));
    sources.keySet().forEach(id -> graphs.add(iris.sourceGraph(id)));
    return graphs;
  }

  public Optional<Source> get(String id) {
    return Optional.ofNullable(sources.get(id));
  }

  /** Whether this very source is still registered (not deleted, nor deleted and registered anew). */
  /**
   * Runs work that records a run of {@code source} only while that very source is registered:
   * a delete cannot interleave (it takes the same lock), so no run outlives its source.
   *
   * @return the work's answer, or empty when the source was deleted (or deleted and registered anew)
   */
  public synchronized <T> Optional<T> whileRegistered(Source source, java.util.function.Supplier<T> work) {
    return isRegistered(source) ? Optional.ofNullable(work.get()) : Optional.empty();
  }

  public boolean isRegistered(Source source) {
    return get(source.id()).filter(s -> s.createdAt().equals(source.createdAt())).isPresent();
  }

  public Source require(String id) {
    return get(id).orElseThrow(() -> new NotFoundException("no source '" + id + "'"));
  }

  public synchronized Source create(Source source) {
    if (sources.containsKey(source.id())) {
      throw new ConflictException("the source id '" + source.id() + "' is taken");
    }
    Source created = source.createdAt(clock.instant());
    persist(created, false);
    return created;
  }

  public synchronized Source replace(Source source) {
    Source old = require(source.id());
    Source replaced = source.createdAt(old.createdAt());
    persist(replaced, replaced.sameHarvestAs(old));
    return replaced;
  }

  /** Creates or updates a source of the configuration file; returns it as stored. */
  public synchronized Source upsert(Source source) {
    return sources.containsKey(source.id()) ? replace(source) : create(source);
  }

  /**
   * Unregisters a source: its description, its runs, its records' identity strings and contacts,
   * and its graph go in one transaction.
   */
  public synchronized void delete(String id) {
    require(id);
    IRI graph = iris.sourceGraph(id);
    store.write(committed -> Map.entry(committed, productsChanged.dropped(committed, graph, clock.instant())),
        (conn, prepared) -> {
          RepositoryConnection committed = prepared.getKey();
          conn.remove(iris.source(id), null, null, iris.metaGraph());
          RunLog.removeRunsOf(conn, iris, id);
          new IdentityIndex(iris).replace(store, conn, committed, id, entries -> { });
          new PrivateContacts(iris, false).remove(conn, committed, id);
          conn.clear(graph);
          prepared.getValue().write(conn);
        });
    sources.remove(id);
    changeListeners.forEach(l -> l.accept(id));
  }

  /**
   * What the last applied run got from the source's URL (its content hash, and the validators to
   * send back), or {@link Retrieval#NONE}.
   */
  public Retrieval applied(String id) {
    return store.read(conn -> {
      Model state = new LinkedHashModel();
      for (IRI property : HARVEST_STATE) {
        state.addAll(QueryResults.asModel(conn.getStatements(iris.source(id), property, null, false, iris.metaGraph())));
      }
      Retrieval r = MetaGraph.retrieval(state, iris.source(id));
      return r == null ? Retrieval.NONE : r;
    });
  }

  /** Records what the applied run got; called inside the transaction that applies it. */
  public void writeApplied(RepositoryConnection conn, String id, Retrieval applied) {
    IRI subject = iris.source(id);
    HARVEST_STATE.forEach(property -> conn.remove(subject, property, null, iris.metaGraph()));
    Model m = new LinkedHashModel();
    MetaGraph.describe(m, subject, new Retrieval(null, applied.etag(), applied.lastModified(), applied.contentHash()));
    conn.add(m, iris.metaGraph());
  }

  /** Writes a source's description; what its last run got is kept when it still fetches the same thing. */
  private void persist(Source source, boolean keepState) {
    IRI subject = iris.source(source.id());
    store.write(conn -> {
      Model state = new LinkedHashModel();
      HARVEST_STATE.forEach(p -> state.addAll(QueryResults.asModel(conn.getStatements(subject, p, null, false, iris.metaGraph()))));
      conn.remove(subject, null, null, iris.metaGraph());
      conn.add(meta.describe(source), iris.metaGraph());
      if (keepState) {
        conn.add(state, iris.metaGraph());
      }
    });
    sources.put(source.id(), source);
    changeListeners.forEach(l -> l.accept(source.id()));
  }
}
