package org.dpgfed.harvester.web.ui;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.registry.Run;
import org.dpgfed.harvester.registry.RunLog;
import org.dpgfed.harvester.registry.SourceRegistry;
import org.dpgfed.harvester.store.TripleStore;

/** The interface's pages and the browser files they load, built once with what they read. */
public record Ui(HomePage home, ExplorePage explore, QueryPage query, SourcesPage sources, Assets assets) {
  /**
   * The node's registry and runs, when the scheduler next runs a source, and where to hear of every
   * finished run (the store may have changed).
   */
  public record Registry(SourceRegistry sources, RunLog runs, Function<String, Optional<Instant>> nextRun,
      Set<String> formats, Consumer<Consumer<Run>> onRunFinished) {}

  public static Ui create(TripleStore store, WorkerExecutor workers, String base, Config config, Registry registry,
      Clock clock, MeterRegistry meters) {
    PageCache cache = new PageCache(registry.sources(), meters);
    registry.onRunFinished().accept(run -> cache.changed());
    Site site = new Site(store, workers, Texts.load(), Labels.load(), base, cache);
    return new Ui(new HomePage(site, config.node(), registry.sources(), registry.runs()), new ExplorePage(site),
        new QueryPage(site), new SourcesPage(site, registry.sources(), registry.runs(), registry.nextRun(),
            config.harvest(), clock, registry.formats()), Assets.load());
  }
}
