package org.dpgfed.harvester.harvest;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dpgfed.harvester.model.Problem;
import org.dpgfed.harvester.registry.Retrieval;
import org.dpgfed.harvester.registry.ProductsChanged;
import org.dpgfed.harvester.registry.Run;
import org.dpgfed.harvester.registry.RunStatus;
import org.dpgfed.harvester.registry.Source;
import org.dpgfed.harvester.store.TripleStore;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/**
 * The end of a run that read its source: leave the graph as it is when the source answered 304
 * or sent the content already applied; refuse a run that would remove too many records; else
 * replace the source's graph, what the run got and the run's report in one transaction.
 * Blocking: runs on a worker.
 */
final class RunCommit {
  /**
   * What the run read.
   *
   * @param records every adapted record, already checked against the shapes, kept where the run keeps them
   * @param paged more than one page was read (validators then describe only the first: not kept)
   */
  record Harvested(RunRecords records, List<Problem> problems, Retrieval retrieval, boolean notModified,
      boolean paged) {}

  private final HarvestContext ctx;
  private final Source source;
  private final boolean forced;
  private final IRI graph;

  RunCommit(HarvestContext ctx, Source source, boolean forced) {
    this.ctx = ctx;
    this.source = source;
    this.forced = forced;
    this.graph = ctx.iris().sourceGraph(source.id());
  }

  Run apply(Run running, Harvested h) {
    if (!ctx.sources().isRegistered(source)) {
      throw new IllegalStateException("the source was deleted during the run");
    }
    if (!ctx.sources().require(source.id()).sameHarvestAs(source)) {
      throw new IllegalStateException("the source's url or format changed during the run; it runs again");
    }
    Run run = running.retrieved(h.retrieval());
    if (h.notModified()) {
      return unchanged(run, ctx.store().read(conn -> TripleStoreCounts.records(conn, graph)), 0, h.problems(), null, null);
    }
    try (Reconciler.Session reconciling = ctx.reconciler().open(source.id())) {
      return commit(run, h, reconciling);
    }
  }

  /** Mints with the products reconciliation decides, then applies, holding the reconciliation. */
  private Run commit(Run run, Harvested h, Reconciler.Session reconciling) {
    RunRecords records = h.records();
    MintedContent minted = new MintedContent(new RecordMinter(ctx.iris()), records, reconciling.keys(records),
        ctx.iris().run(run.id()), new RecordMinter.Provenance(source.url(), ctx.clock().instant()));
    Iterable<Problem> all = () -> java.util.stream.Stream.concat(h.problems().stream(),
        java.util.stream.StreamSupport.stream(records.problems().spliterator(), false)).iterator();
    Retrieval applied = h.paged() ? new Retrieval(null, null, null, h.retrieval().contentHash()) : h.retrieval();
    String hash = h.retrieval().contentHash();
    if (hash != null && hash.equals(ctx.sources().applied(source.id()).contentHash())) {
      return unchanged(run, records.size(), records.invalid(), all, applied, new Kept(reconciling, records, minted));
    }
    Run[] done = new Run[1];
    java.time.Instant now = ctx.clock().instant();
    ctx.store().replaceGraph(graph, minted, new TripleStore.Replacement<Prepared>() {
      @Override
      public Prepared prepare(RepositoryConnection committed, TripleStore.Replaced replaced) {
        // the safety valve, on the records the graph holds under the writer lock
        RemovalValve.check(ctx, source.id(), forced, replaced.recordsBefore(), replaced.removed());
        Set<IRI> gone = new HashSet<>(); // products the graph lists now and the run does not
        Realignment.topics(committed, graph, (record, product) -> {
          if (!minted.hasProduct(product)) {
            gone.add(product);
          }
        });
        return new Prepared(committed, ctx.productsChanged().prepare(committed, gone, graph, minted::about, now),
            reconciling.hadContacts(committed));
      }

      @Override
      public void begin(RepositoryConnection conn, Prepared prepared) {
        if (prepared.hadContacts()) {
          reconciling.forgetContacts(conn, prepared.committed());
        }
      }

      @Override
      public void added(RepositoryConnection conn, Collection<Statement> batch, Prepared prepared) {
        // the feed's members of the batch's products, from what was just minted rather than minted again
        prepared.feed().added(conn, batch instanceof Model model ? model : new LinkedHashModel(batch));
        reconciling.addContacts(conn, minted.takePeople());
      }

      @Override
      public void write(RepositoryConnection conn, TripleStore.Replaced replaced, Prepared prepared) {
        prepared.feed().write(conn); // on a first harvest its members join the content's additions (see TripleStore.replaceGraph)
        ctx.sources().writeApplied(conn, source.id(), applied);
        reconciling.apply(conn, prepared.committed(), records, true);
        // finished once its data is written (its problems, and a large run's commit, still take a while)
        done[0] = run.finished(RunStatus.SUCCEEDED, records.size(), replaced.triples(),
            (int) replaced.added(), (int) replaced.removed(), records.invalid(), ctx.clock().instant());
        ctx.runs().write(conn, done[0]); // before the problems: rewriting a run reads all its statements
        ctx.runs().writeProblems(conn, run.id(), all);
      }
    });
    ctx.runs().remember(done[0]);
    return done[0];
  }

  /** What a replacement prepares on the committed state: the connection that reads it, the feed's part, old contacts. */
  private record Prepared(RepositoryConnection committed, ProductsChanged.Pending feed, boolean hadContacts) {}

  /** A run whose content is the one applied: the reconciliation and contacts are brought in step all the same. */
  private record Kept(Reconciler.Session reconciling, RunRecords records, MintedContent minted) {}

  /**
   * The graph stays as it is; {@code applied}, when given, refreshes the validators kept with the
   * source; {@code kept}, when given, realigns the reconciliation and contacts with the run's records.
   */
  private Run unchanged(Run run, int records, int invalid, Iterable<Problem> problems, Retrieval applied, Kept kept) {
    TripleStore store = ctx.store();
    Run done = run.finished(RunStatus.UNCHANGED, records, store.size(graph), 0, 0, invalid, ctx.clock().instant());
    store.write(committed -> committed, (conn, committed) -> {
      if (kept != null) {
        if (kept.reconciling().hadContacts(committed)) {
          kept.reconciling().forgetContacts(conn, committed);
        }
        if (kept.reconciling().keepsContacts()) { // the people are minted with the graph: minted again, not written
          kept.minted().forEachBatch(batch -> kept.reconciling().addContacts(conn, kept.minted().takePeople()));
        }
        kept.reconciling().apply(conn, committed, kept.records(), false);
      }
      if (applied != null) {
        ctx.sources().writeApplied(conn, source.id(), applied);
      }
      ctx.runs().write(conn, done);
      ctx.runs().writeProblems(conn, done.id(), problems);
    });
    ctx.runs().remember(done);
    return done;
  }
}
