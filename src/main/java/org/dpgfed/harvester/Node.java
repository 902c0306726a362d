package org.dpgfed.harvester;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dpgfed.harvester.fetch.Fetcher;
import org.dpgfed.harvester.harvest.Harvester;
import org.dpgfed.harvester.metrics.NodeMetrics;
import org.dpgfed.harvester.store.TripleStore;
import org.dpgfed.harvester.web.Gate;

/** A running node: what {@link Main#start} built, and how to stop it in order. */
public final class Node {
  /** The parts a node stops ({@link #close(Duration)} says in which order). */
  record Parts(HttpServer server, Gate gate, Harvester harvester, Fetcher fetcher, List<WorkerExecutor> pools,
      TripleStore store, NodeMetrics metrics) {}

  private final Vertx vertx;
  private final String baseUrl;
  private final Router router;
  private final Parts parts;
  private final Duration shutdownTimeout;
  private final List<String> runNow;

  Node(Vertx vertx, String baseUrl, Router router, Parts parts, Duration shutdownTimeout, List<String> runNow) {
    this.vertx = vertx;
    this.baseUrl = baseUrl;
    this.router = router;
    this.parts = parts;
    this.shutdownTimeout = shutdownTimeout;
    this.runNow = List.copyOf(runNow);
  }

  /** Schedules every source; the future completes once the runs due now are queued. */
  Future<Void> startHarvests() {
    return parts.harvester().start(runNow);
  }

  public int port() {
    return parts.server().actualPort();
  }

  /** Every route as {@code "METHOD /path/:param"}, one entry per method. */
  public List<String> routes() {
    return router.getRoutes().stream().filter(r -> r.getPath() != null && r.methods() != null)
        .flatMap(r -> r.methods().stream().map(m -> m.name() + " " + r.getPath())).sorted().toList();
  }

  public String baseUrl() {
    return baseUrl;
  }

  public Duration shutdownTimeout() {
    return shutdownTimeout;
  }

  /** {@link #close(Duration)} within {@code node.shutdownTimeout}. */
  public Future<Void> close() {
    return close(shutdownTimeout);
  }

  /**
   * Stops in order: refuse new requests (503) and new runs; give requests in flight and runs half
   * the time to end (runs stop at their next safe point and end failed, "shutdown"); close the
   * connections (a query still running stops at its next write, or at its own timeout) and the
   * fetcher; close the store once no query holds it; then the pools.
   *
   * <p>The store closes before the pools' threads end: RDF4J's LMDB value store keeps a read
   * transaction for each thread that read through it, closed with the store while the thread
   * lives, and otherwise aborted by a cleaner once the thread has gone, which after the store has
   * closed touches freed memory and aborts the JVM.
   */
  public Future<Void> close(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Future<Void> drained = Future.join(parts.harvester().shutdown(), parts.gate().close()).mapEmpty();
    return drained.timeout(timeout.toMillis() / 2, TimeUnit.MILLISECONDS).otherwiseEmpty()
        .eventually(() -> parts.server().close())
        .eventually(() -> parts.fetcher().close())
        .eventually(() -> vertx.executeBlocking(() -> {
          parts.store().close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())).plus(NEVER_FORCE));
          return null;
        }))
        .eventually(() -> Future.join(parts.pools().stream().map(WorkerExecutor::close).toList()))
        .eventually(() -> {
          parts.metrics().close();
          return Future.succeededFuture();
        }).mapEmpty();
  }

  /**
   * How much longer than the deadline the store waits for a query still running before forcing its
   * connection closed: forcing it under a running LMDB read can abort the JVM, while a process
   * that exits at the deadline leaves the store consistent (every write is one transaction).
   */
  private static final Duration NEVER_FORCE = Duration.ofMinutes(1);
}
