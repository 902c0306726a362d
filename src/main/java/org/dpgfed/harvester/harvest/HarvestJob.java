package org.dpgfed.harvester.harvest;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.dpgfed.harvester.fetch.Fetcher;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.model.Problem;
import org.dpgfed.harvester.registry.ProductsChanged;
import org.dpgfed.harvester.registry.Run;
import org.dpgfed.harvester.registry.RunLog;
import org.dpgfed.harvester.registry.RunStatus;
import org.dpgfed.harvester.registry.Source;
import org.dpgfed.harvester.registry.SourceRegistry;
import org.dpgfed.harvester.source.AdaptedPage;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.dpgfed.harvester.source.AdapterException;
import org.dpgfed.harvester.source.Page;
import org.dpgfed.harvester.source.SourceAdapter;
import org.dpgfed.harvester.store.TripleStore;

/**
 * One run of one source: fetch a page, adapt it, fetch the next page while there is one, then
 * mint and commit everything in one transaction. Any failure leaves the source's graph as it was.
 */
final class HarvestJob {
  private static final int MAX_PAGES = 10_000;

  private final Source source;
  private final SourceAdapter adapter;
  private final Fetcher fetcher;
  private final WorkerExecutor workers;
  private final TripleStore store;
  private final SourceRegistry sources;
  private final RunLog runs;
  private final Iris iris;
  private final Clock clock;
  private final ProductsChanged productsChanged;
  private final Reconciler reconciler;

  private final List<AdaptedRecord> records = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> pagesSeen = new HashSet<>();
  private final MessageDigest digest;

  HarvestJob(Source source, SourceAdapter adapter, Fetcher fetcher, WorkerExecutor workers, TripleStore store,
      SourceRegistry sources, RunLog runs, Iris iris, Clock clock, ProductsChanged productsChanged, Reconciler reconciler) {
    this.source = source;
    this.adapter = adapter;
    this.fetcher = fetcher;
    this.workers = workers;
    this.store = store;
    this.sources = sources;
    this.runs = runs;
    this.iris = iris;
    this.clock = clock;
    this.productsChanged = productsChanged;
    this.reconciler = reconciler;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Runs the harvest; the future always succeeds with the run's final state. */
  Future<Run> execute(Run queued) {
    Run running = queued.running();
    return workers.executeBlocking(() -> {
          if (!stillRegistered()) {
            throw new IllegalStateException("the source was deleted before the run started");
          }
          runs.save(running);
          return running;
        }, false)
        .compose(run -> harvestPage(adapter.firstPageUrl(source.url(), source.query())))
        .compose(v -> workers.executeBlocking(() -> {
          try (Reconciler.Session reconciling = reconciler.open(source.id())) {
            return commit(running, reconciling);
          }
        }, false))
        .recover(err -> workers.executeBlocking(() -> fail(running, err), false));
  }

  private Future<Void> harvestPage(String url) {
    if (!pagesSeen.add(url)) {
      return Future.failedFuture(new AdapterException("the source's pages loop: " + url + " was already fetched"));
    }
    if (pagesSeen.size() > MAX_PAGES) {
      return Future.failedFuture(new AdapterException("the source has more than " + MAX_PAGES + " pages"));
    }
    return fetcher.fetch(url, adapter.accept(), source.fromConfig())
        .compose(fetched -> workers.executeBlocking(() -> {
          digest.update(fetched.body());
          AdaptedPage page = adapter.adapt(new Page(fetched.url(), fetched.contentType(), fetched.body()));
          records.addAll(page.records());
          problems.addAll(page.problems());
          return page;
        }, false))
        .compose(page -> page.next().isPresent() ? harvestPage(page.next().get()) : Future.succeededFuture());
  }

  /** Whether the source this job harvests is still registered (not deleted, nor deleted and registered anew). */
  private boolean stillRegistered() {
    return sources.get(source.id()).filter(s -> s.createdAt().equals(source.createdAt())).isPresent();
  }

  private Run commit(Run running, Reconciler.Session reconciling) {
    if (!stillRegistered()) {
      throw new IllegalStateException("the source was deleted during the run");
    }
    if (!sources.require(source.id()).sameHarvestAs(source)) {
      throw new IllegalStateException("the source's url or format changed during the run; it runs again");
    }
    String hash = HexFormat.of().formatHex(digest.digest());
    RecordMinter.Minted minted = new RecordMinter(iris).mint(source.id(), iris.run(running.id()),
        Shapes.standard().check(records), new RecordMinter.Provenance(source.url(), clock.instant()), reconciling);
    List<Problem> all = new ArrayList<>(problems);
    all.addAll(minted.problems());
    if (sources.contentHash(source.id()).filter(hash::equals).isPresent()) {
      long triples = store.size(iris.sourceGraph(source.id()));
      Run done = running.finished(RunStatus.UNCHANGED, minted.records().size(), triples, 0, 0, minted.invalid(), clock.instant());
      store.write(conn -> {
        reconciling.applyKept(conn, minted);
        runs.write(conn, done);
        runs.writeProblems(conn, done.id(), all);
      });
      runs.remember(done);
      return done;
    }
    Run[] done = new Run[1];
    store.replaceGraph(iris.sourceGraph(source.id()), minted.graph(), (conn, replaced) -> {
      done[0] = running.finished(RunStatus.SUCCEEDED, minted.records().size(), replaced.triples(),
          replaced.added(), replaced.removed(), minted.invalid(), clock.instant());
      sources.writeContentHash(conn, source.id(), hash);
      reconciling.apply(conn, minted);
      productsChanged.changed(conn, replaced.products(), done[0].finishedAt());
      runs.write(conn, done[0]);
      runs.writeProblems(conn, done[0].id(), all);
    });
    runs.remember(done[0]);
    return done[0];
  }

  private Run fail(Run running, Throwable err) {
    String message = err.getMessage() == null ? err.getClass().getSimpleName() : err.getMessage();
    Run failed = running.failed(message, clock.instant());
    if (!stillRegistered()) {
      return failed; // nothing to record: the source and its history are gone
    }
    store.write(conn -> {
      runs.write(conn, failed);
      runs.writeProblems(conn, failed.id(), problems);
    });
    runs.remember(failed);
    return failed;
  }
}
