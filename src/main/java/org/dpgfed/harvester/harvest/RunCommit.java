package org.dpgfed.harvester.harvest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
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
      return unchanged(run, ctx.store().records(graph).size(), 0, h.problems(), null, conn -> { });
    }
    try (Reconciler.Session reconciling = ctx.reconciler().open(source.id())) {
      return commit(run, h, reconciling);
    }
  }

  /** Mints with the products reconciliation decides, then applies, holding the reconciliation. */
  private Run commit(Run run, Harvested h, Reconciler.Session reconciling) {
    RunRecords records = h.records();
    MintedContent minted = new MintedContent(new RecordMinter(ctx.iris()), records, reconciling.keys(records.identities()),
        ctx.iris().run(run.id()), new RecordMinter.Provenance(source.url(), ctx.clock().instant()));
    List<Problem> all = new ArrayList<>(h.problems());
    all.addAll(records.problems());
    Retrieval applied = h.paged() ? new Retrieval(null, null, null, h.retrieval().contentHash()) : h.retrieval();
    String hash = h.retrieval().contentHash();
    if (hash != null && hash.equals(ctx.sources().applied(source.id()).contentHash())) {
      return unchanged(run, records.records().size(), records.invalid(), all, applied,
          conn -> reconciling.applyKept(conn, records.identities(), minted.contacts()));
    }
    Run[] done = new Run[1];
    java.time.Instant now = ctx.clock().instant();
    ctx.store().replaceGraph(graph, minted, new TripleStore.Replacement<ProductsChanged.Pending>() {
      @Override
      public ProductsChanged.Pending prepare(RepositoryConnection committed, TripleStore.Replaced replaced) {
        // the safety valve, on the records the graph holds under the writer lock
        RemovalValve.check(ctx, source.id(), forced, replaced.recordsBefore().size(), replaced.removed());
        return ctx.productsChanged().prepare(committed, replaced.products(), graph, minted::about, now);
      }

      @Override
      public void added(RepositoryConnection conn, Collection<Statement> batch, ProductsChanged.Pending feed) {
        // the feed's members of the batch's products, from what was just minted rather than minted again
        feed.added(conn, batch instanceof Model model ? model : new LinkedHashModel(batch));
      }

      @Override
      public void write(RepositoryConnection conn, TripleStore.Replaced replaced, ProductsChanged.Pending feed) {
        feed.write(conn); // its members join the content's additions (see TripleStore.replaceGraph)
        done[0] = run.finished(RunStatus.SUCCEEDED, records.records().size(), replaced.triples(),
            replaced.added(), replaced.removed(), records.invalid(), ctx.clock().instant());
        ctx.sources().writeApplied(conn, source.id(), applied);
        reconciling.apply(conn, records.identities(), minted.contacts());
        ctx.runs().write(conn, done[0]);
        ctx.runs().writeProblems(conn, done[0].id(), all);
      }
    });
    ctx.runs().remember(done[0]);
    return done[0];
  }

  /**
   * The graph stays as it is; {@code applied}, when given, refreshes the validators kept with the
   * source; {@code alsoInTransaction} keeps the reconciliation in step.
   */
  private Run unchanged(Run run, int records, int invalid, List<Problem> problems, Retrieval applied,
      Consumer<RepositoryConnection> alsoInTransaction) {
    TripleStore store = ctx.store();
    Run done = run.finished(RunStatus.UNCHANGED, records, store.size(graph), 0, 0, invalid, ctx.clock().instant());
    store.write(conn -> {
      alsoInTransaction.accept(conn);
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
