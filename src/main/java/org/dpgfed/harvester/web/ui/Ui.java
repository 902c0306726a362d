package org.dpgfed.harvester.web.ui;

import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.registry.RunLog;
import org.dpgfed.harvester.registry.SourceRegistry;
import org.dpgfed.harvester.store.TripleStore;

/** The interface's pages, built once with what they read. */
public record Ui(HomePage home, ExplorePage explore, QueryPage query, SourcesPage sources) {
  /** The node's registry and runs, and when the scheduler next runs a source. */
  public record Registry(SourceRegistry sources, RunLog runs, Function<String, Optional<Instant>> nextRun,
      Set<String> formats) {}

  public static Ui create(TripleStore store, WorkerExecutor workers, String base, Config config, Registry registry,
      Clock clock) {
    Site site = new Site(store, workers, Texts.load(), Labels.load(), base);
    return new Ui(new HomePage(site, config.node(), registry.sources(), registry.runs()), new ExplorePage(site),
        new QueryPage(site), new SourcesPage(site, registry.sources(), registry.runs(), registry.nextRun(),
            config.harvest(), clock, registry.formats()));
  }
}
