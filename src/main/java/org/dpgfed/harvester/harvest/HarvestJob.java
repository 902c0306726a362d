package org.dpgfed.harvester.harvest;

import io.vertx.core.Future;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.security.DigestInputStream;
import org.dpgfed.harvester.fetch.FetchException;
import org.dpgfed.harvester.fetch.Post;
import org.dpgfed.harvester.fetch.Fetcher;
import org.dpgfed.harvester.fetch.Validators;
import org.dpgfed.harvester.model.Problem;
import org.dpgfed.harvester.registry.Retrieval;
import org.dpgfed.harvester.registry.Run;
import org.dpgfed.harvester.registry.Source;
import org.dpgfed.harvester.source.AdaptedPage;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.dpgfed.harvester.source.AdapterException;
import org.dpgfed.harvester.source.Page;
import org.dpgfed.harvester.source.SourceAdapter;
import org.dpgfed.harvester.source.StreamingAdapter;

/**
 * One run of one source: fetch a page (conditionally, when the last applied run left validators),
 * adapt it, keep its records in a file and let the page go, fetch the next page while there is
 * one, then mint and commit everything in one transaction. A watchdog fails the run if fetching and reading outlast
 * {@code harvest.runTimeout}, and closes the fetch under way. Any failure leaves the source's
 * graph as it was.
 */
final class HarvestJob {
  private static final int MAX_PAGES = 100_000;

  private final Source source;
  private final SourceAdapter adapter;
  private final HarvestContext ctx;
  private final BooleanSupplier forced;
  private final Future<Void> stop;

  private RecordSpill spill;
  private ProblemLog recordProblems;
  private RunRecords records;
  private final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> pagesSeen = new HashSet<>();
  private final MessageDigest digest;
  private RunWatch watch;
  private volatile Retrieval retrieval = Retrieval.NONE;
  private volatile boolean notModified;

  /** {@code stop} completes when the node begins to shut down: the run stops at its next safe point. */
  HarvestJob(Source source, SourceAdapter adapter, HarvestContext ctx, BooleanSupplier forced, Future<Void> stop) {
    this.source = source;
    this.adapter = adapter;
    this.ctx = ctx;
    this.forced = forced;
    this.stop = stop;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Runs the harvest; the future always succeeds with the run's final state. */
  Future<Run> execute(Run queued) {
    Run running = queued.running();
    watch = new RunWatch(ctx, stop); // a fetch under way closes at once when it ends; a commit under way finishes
    return watch.watch(ctx.workers().executeBlocking(() -> start(running), false)
            .compose(since -> {
              Validators[] first = {since};
              return Pages.follow(source.url(), url -> {
                Validators asked = first[0];
                first[0] = Validators.NONE; // validators describe only the first page
                return harvestPage(url, asked);
              });
            }))
        .compose(v -> ctx.workers().executeBlocking(() -> commit(running), false))
        .recover(err -> ctx.workers().executeBlocking(() -> fail(running, err), false))
        .eventually(() -> ctx.workers().executeBlocking(this::closeSpill, false))
        .onComplete(ar -> watch.close());
  }

  private Run commit(Run running) {
    if (stop.isComplete()) {
      throw new RunStoppedException();
    }
    return ctx.sources().whileRegistered(source,
            () -> new RunCommit(ctx, source, forced.getAsBoolean()).apply(running, new RunCommit.Harvested(records,
                List.copyOf(problems), retrieval(), notModified, pagesSeen.size() > 1)))
        .orElseThrow(() -> new IllegalStateException("the source was deleted during the run"));
  }

  /** Records the run as running; answers the validators of the last applied run to fetch with. */
  private Validators start(Run running) {
    spill = new RecordSpill(ctx.spillDir());
    recordProblems = new ProblemLog(ctx.spillDir());
    records = new RunRecords(source.id(), ctx.iris(), spill, recordProblems);
    ctx.sources().whileRegistered(source, () -> {
      ctx.runs().save(running);
      return running;
    }).orElseThrow(() -> new IllegalStateException("the source was deleted before the run started"));
    Retrieval applied = ctx.sources().applied(source.id());
    return new Validators(applied.etag(), applied.lastModified());
  }

  /** Reads one page; answers the next page's URL, if there is one. */
  private Future<Optional<String>> harvestPage(String url, Validators since) {
    if (watch.isOver()) {
      return Future.failedFuture(new IllegalStateException("the run was stopped"));
    }
    if (!pagesSeen.add(url)) {
      return Future.failedFuture(new AdapterException("the source's pages loop: " + url + " was already fetched"));
    }
    if (pagesSeen.size() > MAX_PAGES) {
      return Future.failedFuture(new AdapterException("the source has more than " + MAX_PAGES + " pages"));
    }
    boolean first = pagesSeen.size() == 1;
    if (adapter instanceof StreamingAdapter streaming) {
      return harvestStream(url, streaming).map(Optional.empty());
    }
    return ctx.fetcher().fetch(url, adapter.accept(), source.fromConfig(), since, watch.ended())
        .onFailure(err -> {
          if (err instanceof FetchException fe && fe.status() > 0) {
            retrieval = new Retrieval(fe.status(), null, null, null);
          }
        })
        .compose(fetched -> {
          if (first) {
            retrieval = new Retrieval(fetched.status(), fetched.validators().etag(), fetched.validators().lastModified(), null);
          }
          notModified = fetched.notModified();
          return notModified ? Future.succeededFuture(AdaptedPage.single(List.of()))
              : ctx.workers().executeBlocking(() -> adapt(fetched), false);
        })
        .map(AdaptedPage::next);
  }

  /** A source read while it streams in (one document, never conditional): its bytes are hashed as they pass. */
  private Future<Void> harvestStream(String url, StreamingAdapter streaming) {
    Post post = streaming.requestBody(source.query()).map(b -> new Post(b.contentType(), b.body())).orElse(null);
    retrieval = new Retrieval(200, null, null, null);
    return ctx.fetcher().stream(url, adapter.accept(), post, watch.ended(), ctx.workers(), (at, type, body) -> {
      AdaptedPage page = streaming.adapt(at, type, new DigestInputStream(body, digest));
      keep(page);
      return page;
    }).mapEmpty();
  }

  /** Reads one page; its records go to the run's file (checked) one by one as the adapter makes them. */
  private AdaptedPage adapt(Fetcher.Fetched fetched) throws AdapterException {
    digest.update(fetched.body());
    AdaptedPage page = adapter.adapt(new Page(fetched.url(), fetched.contentType(), fetched.body()), this::keep);
    keep(page);
    return page;
  }

  private void keep(AdaptedPage page) {
    page.records().forEach(this::keep);
    if (!watch.isOver()) {
      problems.addAll(page.problems());
    }
  }

  private void keep(AdaptedRecord record) {
    if (!watch.isOver()) {
      records.add(Shapes.standard().check(record));
    }
  }

  /** What the run got from the source's URL, with the hash of every page it read. */
  private Retrieval retrieval() {
    Retrieval r = retrieval;
    return new Retrieval(r.httpStatus(), r.etag(), r.lastModified(), notModified ? null : HexFormat.of().formatHex(digest.digest()));
  }

  private Void closeSpill() {
    if (spill != null) {
      spill.close();
    }
    if (recordProblems != null) {
      recordProblems.close();
    }
    return null;
  }

  private Run fail(Run running, Throwable err) {
    String message = err.getMessage() == null ? err.getClass().getSimpleName() : err.getMessage();
    Run failed = running.retrieved(retrieval).failed(message, ctx.clock().instant());
    List<Problem> seen;
    synchronized (problems) {
      seen = List.copyOf(problems);
    }
    // when the source is gone there is nothing to record: its history went with it
    return ctx.sources().whileRegistered(source, () -> {
      ctx.store().write(conn -> {
        ctx.runs().write(conn, failed);
        ctx.runs().writeProblems(conn, failed.id(), seen);
      });
      ctx.runs().remember(failed);
      return failed;
    }).orElse(failed);
  }
}
