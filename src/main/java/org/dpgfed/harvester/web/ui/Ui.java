package org.dpgfed.harvester.web.ui;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.registry.Run;
import org.dpgfed.harvester.registry.RunLog;
import org.dpgfed.harvester.registry.SourceRegistry;
import org.dpgfed.harvester.store.TripleStore;

/**
 * The interface's pages and the browser files they load. Their words, labels and compressed files
 * are read on a worker when a page is first asked for, not while the node starts: a start (and the
 * first harvest) never waits for them.
 */
public final class Ui {
  /**
   * The node's registry and runs, when the scheduler next runs a source, and where to hear of every
   * finished run (the store may have changed).
   */
  public record Registry(SourceRegistry sources, RunLog runs, Function<String, Optional<Instant>> nextRun,
      Set<String> formats, Consumer<Consumer<Run>> onRunFinished) {}

  /** Every page, built with what it reads. */
  private record Pages(HomePage home, ExplorePage explore, QueryPage query, SourcesPage sources, Assets assets) {}

  private final WorkerExecutor workers;
  private final Callable<Pages> build;
  private Future<Pages> pages;

  private Ui(WorkerExecutor workers, Callable<Pages> build) {
    this.workers = workers;
    this.build = build;
  }

  public static Ui create(TripleStore store, WorkerExecutor workers, String base, Config config, Registry registry,
      Clock clock, MeterRegistry meters) {
    PageCache cache = new PageCache(registry.sources(), meters);
    registry.onRunFinished().accept(run -> cache.changed());
    return new Ui(workers, () -> {
      Site site = new Site(store, workers, Texts.load(), Labels.load(), base, cache);
      return new Pages(new HomePage(site, config.node(), registry.sources(), registry.runs()), new ExplorePage(site),
          new QueryPage(site), new SourcesPage(site, registry.sources(), registry.runs(), registry.nextRun(),
              config.harvest(), clock, registry.formats()), Assets.load());
    });
  }

  public Handler<RoutingContext> home() {
    return page(Pages::home);
  }

  public Handler<RoutingContext> explore() {
    return page(Pages::explore);
  }

  public Handler<RoutingContext> query() {
    return page(Pages::query);
  }

  public Handler<RoutingContext> sources() {
    return page(Pages::sources);
  }

  public Handler<RoutingContext> assets() {
    return page(Pages::assets);
  }

  /** The page's handler once the pages are built; what it throws fails the request, as the router would. */
  private Handler<RoutingContext> page(Function<Pages, Handler<RoutingContext>> which) {
    return ctx -> pages().onSuccess(built -> {
      try {
        which.apply(built).handle(ctx);
      } catch (RuntimeException e) {
        ctx.fail(e);
      }
    }).onFailure(ctx::fail);
  }

  private synchronized Future<Pages> pages() {
    if (pages == null) {
      pages = workers.executeBlocking(build, false);
    }
    return pages;
  }
}
