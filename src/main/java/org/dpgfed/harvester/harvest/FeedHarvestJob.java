package org.dpgfed.harvester.harvest;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.dpgfed.harvester.fetch.FetchException;
import org.dpgfed.harvester.fetch.Fetcher;
import org.dpgfed.harvester.fetch.Validators;
import org.dpgfed.harvester.registry.Retrieval;
import org.dpgfed.harvester.registry.Run;
import org.dpgfed.harvester.registry.Source;
import org.dpgfed.harvester.source.AdapterException;
import org.dpgfed.harvester.source.Page;
import org.dpgfed.harvester.source.feed.FeedReader;
import org.dpgfed.harvester.source.feed.FeedReader.Member;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.query.QueryResults;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/**
 * One run of a {@code feed} source: another node's change feed, read incrementally. It starts at
 * the last page it read (which may have grown), asking with that page's validators (a 304 means
 * nothing new), follows the pages after it, and hands the new members to {@link FeedCommit}. The
 * watchdog and the shutdown stop it like any run; any failure leaves the source's graph as it was.
 */
final class FeedHarvestJob {
  private static final int MAX_PAGES = 10_000;

  /** Where a run starts: the page, the validators it was last read with, the last member applied. */
  private record Cursor(String page, Validators validators, long applied) {}

  private final Source source;
  private final HarvestContext ctx;
  private final BooleanSupplier forced;
  private final Future<Void> stop;
  private final List<Member> members = new ArrayList<>();
  private final Set<String> pagesSeen = new HashSet<>();
  private RunWatch watch;
  private volatile String firstPage;
  private volatile String lastPage;
  private volatile Retrieval retrieval = Retrieval.NONE;
  private volatile boolean notModified;

  /** {@code stop} completes when the node begins to shut down: the run stops before its commit. */
  FeedHarvestJob(Source source, HarvestContext ctx, BooleanSupplier forced, Future<Void> stop) {
    this.source = source;
    this.ctx = ctx;
    this.forced = forced;
    this.stop = stop;
  }

  /** Runs the harvest; the future always succeeds with the run's final state. */
  Future<Run> execute(Run queued) {
    Run running = queued.running();
    watch = new RunWatch(ctx, stop);
    return watch.watch(ctx.workers().executeBlocking(() -> start(running), false)
            .compose(cursor -> Pages.follow(cursor.page(), url ->
                readFrom(url, url.equals(cursor.page()) ? cursor.validators() : Validators.NONE, cursor.applied()))))
        .compose(v -> ctx.workers().executeBlocking(() -> commit(running), false))
        .recover(err -> ctx.workers().executeBlocking(() -> fail(running, err), false))
        .onComplete(ar -> watch.close());
  }

  private Cursor start(Run running) {
    return ctx.sources().whileRegistered(source, () -> {
      ctx.runs().save(running);
      Retrieval applied = ctx.sources().applied(source.id());
      return ctx.store().read(conn -> {
        Optional<String> page = literal(conn, DPG.FEED_PAGE).map(Literal::stringValue);
        return new Cursor(page.orElse(source.url()), page.isPresent()
            ? new Validators(applied.etag(), applied.lastModified()) : Validators.NONE,
            literal(conn, DPG.SEQUENCE).map(Literal::longValue).orElse(0L));
      });
    }).orElseThrow(() -> new IllegalStateException("the source was deleted before the run started"));
  }

  private Optional<Literal> literal(RepositoryConnection conn, IRI property) {
    return Models.objectLiteral(QueryResults.asModel(
        conn.getStatements(ctx.iris().source(source.id()), property, null, false, ctx.iris().metaGraph())));
  }

  /** Reads one page of the feed; answers the next page's URL, if there is one. */
  private Future<Optional<String>> readFrom(String url, Validators since, long applied) {
    if (!pagesSeen.add(url) || pagesSeen.size() > MAX_PAGES) {
      return Future.failedFuture(new AdapterException("the feed's pages loop or never end at " + url));
    }
    if (watch.isOver()) {
      return Future.failedFuture(new IllegalStateException("the run was stopped"));
    }
    boolean first = pagesSeen.size() == 1;
    if (first) {
      firstPage = url;
    }
    return ctx.fetcher().fetch(url, "text/turtle", source.fromConfig(), since, watch.ended())
        .onFailure(err -> {
          if (first && err instanceof FetchException fe && fe.status() > 0) {
            retrieval = new Retrieval(fe.status(), null, null, null);
          }
        })
        .compose(fetched -> {
          if (first) {
            retrieval = new Retrieval(fetched.status(), since.etag(), since.lastModified(), null);
            notModified = fetched.notModified();
          }
          return notModified ? Future.succeededFuture(Optional.<String>empty())
              : ctx.workers().executeBlocking(() -> read(url, fetched, applied), false);
        });
  }

  /** Keeps the page's new members; the page becomes the cursor, with its validators. */
  private Optional<String> read(String url, Fetcher.Fetched fetched, long applied) throws AdapterException {
    FeedReader.Chunk chunk = FeedReader.read(new Page(fetched.url(), fetched.contentType(), fetched.body()));
    if (!chunk.members().isEmpty() || !url.equals(source.url())) {
      lastPage = url;
      retrieval = new Retrieval(retrieval.httpStatus(), fetched.validators().etag(), fetched.validators().lastModified(), null);
    }
    if (!watch.isOver()) {
      chunk.members().stream().filter(m -> m.sequence() > applied).forEach(members::add);
    }
    return chunk.next();
  }

  private Run commit(Run running) {
    if (stop.isComplete()) {
      throw new RunStoppedException();
    }
    Retrieval got = lastPage == null && !notModified ? new Retrieval(retrieval.httpStatus(), null, null, null) : retrieval;
    String cursor = lastPage != null ? lastPage : firstPage;
    return ctx.sources().whileRegistered(source, () -> new FeedCommit(ctx, source, forced.getAsBoolean())
            .apply(running, new FeedCommit.Read(List.copyOf(members), cursor, got, notModified)))
        .orElseThrow(() -> new IllegalStateException("the source was deleted during the run"));
  }

  private Run fail(Run running, Throwable err) {
    String message = err.getMessage() == null ? err.getClass().getSimpleName() : err.getMessage();
    Run failed = running.retrieved(retrieval).failed(message, ctx.clock().instant());
    return ctx.sources().whileRegistered(source, () -> {
      ctx.store().write(conn -> ctx.runs().write(conn, failed));
      ctx.runs().remember(failed);
      return failed;
    }).orElse(failed);
  }
}
