package org.dpgfed.harvester.registry;

import java.time.Clock;
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
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.query.QueryResults;
import org.eclipse.rdf4j.model.util.Values;
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
  private final ProductsChanged productsChanged;
  private final Map<String, Source> sources = new ConcurrentHashMap<>();

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

  public List<Source> list() {
    return sources.values().stream().sorted(Comparator.comparing(Source::id)).toList();
  }

  public Optional<Source> get(String id) {
    return Optional.ofNullable(sources.get(id));
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
    store.write(conn -> {
      conn.remove(iris.source(id), null, null, iris.metaGraph());
      RunLog.removeRunsOf(conn, iris, id);
      new IdentityIndex(iris).remove(conn, id);
      new PrivateContacts(iris, false).remove(conn, id);
      java.util.Set<org.eclipse.rdf4j.model.IRI> products = TripleStore.products(conn, iris.sourceGraph(id));
      conn.clear(iris.sourceGraph(id));
      productsChanged.changed(conn, products, clock.instant());
    });
    sources.remove(id);
  }

  /** The hash of the content the last applied run used, if any. */
  public Optional<String> contentHash(String id) {
    return store.read(conn -> Models.objectLiteral(QueryResults.asModel(
        conn.getStatements(iris.source(id), DPG.CONTENT_HASH, null, false, iris.metaGraph()))).map(Literal::stringValue));
  }

  /** Records the applied content's hash; called inside the transaction that applies it. */
  public void writeContentHash(RepositoryConnection conn, String id, String hash) {
    conn.remove(iris.source(id), DPG.CONTENT_HASH, null, iris.metaGraph());
    conn.add(iris.source(id), DPG.CONTENT_HASH, Values.literal(hash), iris.metaGraph());
  }

  private void persist(Source source, boolean keepHash) {
    IRI subject = iris.source(source.id());
    store.write(conn -> {
      Optional<Literal> hash = Models.objectLiteral(QueryResults.asModel(conn.getStatements(subject, DPG.CONTENT_HASH, null, false, iris.metaGraph())));
      conn.remove(subject, null, null, iris.metaGraph());
      conn.add(meta.describe(source), iris.metaGraph());
      if (keepHash && hash.isPresent()) {
        conn.add(subject, DPG.CONTENT_HASH, hash.get(), iris.metaGraph());
      }
    });
    sources.put(source.id(), source);
  }
}
