package org.dpgfed.harvester;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.List;
import org.dpgfed.harvester.fetch.Fetcher;
import org.dpgfed.harvester.harvest.Harvester;
import org.dpgfed.harvester.store.TripleStore;

/** A running node: what {@link Main#start} built, and how to stop it in order. */
public final class Node {
  private final Vertx vertx;
  private final HttpServer server;
  private final Router router;
  private final String baseUrl;
  private final TripleStore store;
  private final Harvester harvester;
  private final Fetcher fetcher;
  private final List<WorkerExecutor> pools;
  private final List<String> runNow;

  Node(Vertx vertx, HttpServer server, Router router, String baseUrl, TripleStore store, Harvester harvester,
      Fetcher fetcher, List<WorkerExecutor> pools, List<String> runNow) {
    this.vertx = vertx;
    this.server = server;
    this.router = router;
    this.baseUrl = baseUrl;
    this.store = store;
    this.harvester = harvester;
    this.fetcher = fetcher;
    this.pools = pools;
    this.runNow = List.copyOf(runNow);
  }

  /** Schedules every source; the future completes once the runs due now are queued. */
  Future<Void> startHarvests() {
    return harvester.start(runNow);
  }

  public int port() {
    return server.actualPort();
  }

  /** Every route as {@code "METHOD /path/:param"}, one entry per method. */
  public List<String> routes() {
    return router.getRoutes().stream().filter(r -> r.getPath() != null && r.methods() != null)
        .flatMap(r -> r.methods().stream().map(m -> m.name() + " " + r.getPath())).sorted().toList();
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** Stops taking requests and runs, then closes the store. */
  public Future<Void> close() {
    harvester.stop();
    return server.close()
        .compose(v -> fetcher.close())
        .compose(v -> Future.all(pools.stream().map(WorkerExecutor::close).toList()))
        .compose(v -> vertx.executeBlocking(() -> {
          store.close();
          return null;
        }));
  }
}
