package org.dpgfed.harvester.harvest;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dpgfed.harvester.fetch.Fetcher;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.registry.ProductsChanged;
import org.dpgfed.harvester.registry.Run;
import org.dpgfed.harvester.registry.RunLog;
import org.dpgfed.harvester.registry.RunStatus;
import org.dpgfed.harvester.registry.Source;
import org.dpgfed.harvester.registry.SourceRegistry;
import org.dpgfed.harvester.source.AdapterException;
import org.dpgfed.harvester.source.Page;
import org.dpgfed.harvester.source.feed.FeedReader;
import org.dpgfed.harvester.source.feed.FeedReader.Member;
import org.dpgfed.harvester.store.TripleStore;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.query.QueryResults;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/**
 * One run of a {@code feed} source: another node's change feed, read incrementally. It starts at
 * the last page it read (which may have grown), follows the pages after it, and applies the new
 * members in one transaction: versions replace the product and its record, removals delete them.
 */
final class FeedHarvestJob {
  private static final int MAX_PAGES = 10_000;

  /** What a run needs from the node. */
  record Context(Fetcher fetcher, io.vertx.core.WorkerExecutor workers, TripleStore store, SourceRegistry sources,
      RunLog runs, Iris iris, Clock clock, ProductsChanged productsChanged) {}

  private final Source source;
  private final Context c;
  private final List<Member> members = new ArrayList<>();
  private final Set<String> pagesSeen = new HashSet<>();
  private String lastPage;
  private long applied;

  FeedHarvestJob(Source source, Context context) {
    this.source = source;
    this.c = context;
  }

  Future<Run> execute(Run queued) {
    Run running = queued.running();
    return c.workers().executeBlocking(() -> c.sources().whileRegistered(source, () -> {
          c.runs().save(running);
          return cursor();
        }).orElseThrow(() -> new IllegalStateException("the source was deleted before the run started")), false)
        .compose(start -> readFrom(start))
        .compose(v -> c.workers().executeBlocking(() -> c.sources().whileRegistered(source, () -> commit(running))
            .orElseThrow(() -> new IllegalStateException("the source was deleted during the run")), false))
        .recover(err -> c.workers().executeBlocking(() -> {
          Run failed = running.failed(err.getMessage() == null ? err.toString() : err.getMessage(), c.clock().instant());
          return c.sources().whileRegistered(source, () -> {
            c.runs().save(failed);
            return failed;
          }).orElse(failed);
        }, false));
  }

  /** Where to start: the last page read, else the stream itself. */
  private String cursor() {
    return c.store().read(conn -> {
      applied = literal(conn, DPG.SEQUENCE).map(Literal::longValue).orElse(0L);
      return literal(conn, DPG.FEED_PAGE).map(Literal::stringValue).orElse(source.url());
    });
  }

  private Optional<Literal> literal(RepositoryConnection conn, IRI property) {
    return Models.objectLiteral(QueryResults.asModel(
        conn.getStatements(c.iris().source(source.id()), property, null, false, c.iris().metaGraph())));
  }

  private Future<Void> readFrom(String url) {
    if (!pagesSeen.add(url) || pagesSeen.size() > MAX_PAGES) {
      return Future.failedFuture(new AdapterException("the feed's pages loop or never end at " + url));
    }
    return c.fetcher().fetch(url, "text/turtle", source.fromConfig())
        .compose(fetched -> c.workers().executeBlocking(() -> FeedReader.read(
            new Page(fetched.url(), fetched.contentType(), fetched.body())), false))
        .compose(chunk -> {
          if (!chunk.members().isEmpty() || !url.equals(source.url())) {
            lastPage = url;
          }
          chunk.members().stream().filter(m -> m.sequence() > applied).forEach(members::add);
          return chunk.next().map(this::readFrom).orElse(Future.succeededFuture());
        });
  }

  private Run commit(Run running) {
    IRI graph = c.iris().sourceGraph(source.id());
    if (members.isEmpty()) {
      long records = c.store().read(conn -> (long) TripleStoreCounts.records(conn, graph));
      Run done = running.finished(RunStatus.UNCHANGED, (int) records, c.store().size(graph), 0, 0, 0, c.clock().instant());
      c.runs().save(done);
      return done;
    }
    Run[] done = new Run[1];
    c.store().write(conn -> {
      FeedApply apply = new FeedApply(conn, c.iris(), source.id(), c.iris().run(running.id()));
      members.stream().sorted(java.util.Comparator.comparingLong(Member::sequence)).forEach(apply::apply);
      IRI subject = c.iris().source(source.id());
      conn.remove(subject, DPG.SEQUENCE, null, c.iris().metaGraph());
      conn.remove(subject, DPG.FEED_PAGE, null, c.iris().metaGraph());
      conn.add(subject, DPG.SEQUENCE, Values.literal(members.stream().mapToLong(Member::sequence).max().orElse(applied)),
          c.iris().metaGraph());
      conn.add(subject, DPG.FEED_PAGE, Values.literal(lastPage == null ? source.url() : lastPage), c.iris().metaGraph());
      done[0] = running.finished(RunStatus.SUCCEEDED, TripleStoreCounts.records(conn, graph), conn.size(graph),
          apply.added(), apply.removed(), 0, c.clock().instant());
      c.runs().write(conn, done[0]);
      c.productsChanged().changed(conn, apply.touched(), done[0].finishedAt());
    });
    c.runs().remember(done[0]);
    return done[0];
  }
}
