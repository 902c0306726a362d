package org.dpgfed.harvester.harvest;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Path;
import java.time.Clock;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.fetch.Fetcher;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.registry.ProductsChanged;
import org.dpgfed.harvester.registry.RunLog;
import org.dpgfed.harvester.registry.SourceRegistry;
import org.dpgfed.harvester.store.TripleStore;

/**
 * What every run of every source works with.
 *
 * @param spillDir where runs keep their records until they commit (see {@link RecordSpill})
 */
record HarvestContext(Vertx vertx, Fetcher fetcher, WorkerExecutor workers, TripleStore store, SourceRegistry sources,
    RunLog runs, Iris iris, Clock clock, Config.Harvest settings, ProductsChanged productsChanged,
    Reconciler reconciler, Path spillDir) {}
