package org.dpgfed.harvester.cli;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.dpgfed.harvester.Main;
import org.dpgfed.harvester.Node;
import org.dpgfed.harvester.cluster.ClusterSetup;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.metrics.NodeMetrics;
import org.dpgfed.harvester.store.TripleStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code serve}: runs a node until SIGTERM or Ctrl+C, then stops it in order and exits 0. */
final class Serve implements Command {
  private static final Logger LOG = LoggerFactory.getLogger(Serve.class);

  @Override
  public String name() {
    return "serve";
  }

  @Override
  public String summary() {
    return "run a node (the default)";
  }

  @Override
  public String usage() {
    return """
        usage: java -jar dpg-harvester.jar [serve] [--config FILE]
        Runs a node. Without --config, config/harvester.yaml is read when it exists, else the built-in
        defaults. On SIGTERM or Ctrl+C the node stops taking requests, lets queries and harvests end
        (runs cut short end failed, "shutdown"), closes the store and exits 0 within node.shutdownTimeout.""";
  }

  @Override
  public Set<String> options() {
    return Set.of("config");
  }

  @Override
  public int run(Args args) {
    // the meters are made while the configuration is read, and the store opens while Vert.x and the HTTP server start
    CompletableFuture<NodeMetrics> meters = CompletableFuture.supplyAsync(NodeMetrics::new,
        task -> new Thread(task, "dpg-meters").start());
    Config config = args.config();
    // a clustered node's store opens once its Vert.x (and so the cluster's writer lock) is there
    Future<TripleStore> store = config.cluster().enabled() ? null : Main.openStore(config);
    LogSetup.apply(config.log());
    NodeMetrics metrics = meters.join();
    Future<Vertx> started = config.cluster().enabled()
        ? ClusterSetup.start(metrics.builder(ClusterSetup.options(config.cluster())), config.cluster())
        : Future.succeededFuture(metrics.vertx());
    started.compose(vertx -> (store == null ? Main.start(vertx, config, metrics, Serve::announce)
            : Main.start(vertx, config, metrics, store, Serve::announce))
        .onSuccess(node -> {
          LOG.info("dpg-harvester listening on port {}, public base {}", node.port(), node.baseUrl());
          Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(node, vertx), "dpg-shutdown"));
        })
        .onFailure(err -> vertx.close()))
        .onFailure(err -> {
          System.err.println("dpg-harvester: cannot start: " + err.getMessage());
          LOG.debug("start-up failed", err);
          System.exit(1);
        });
    return Commands.KEEP_RUNNING;
  }

  private static void announce(String token) {
    System.out.println("""
        Generated admin token (shown only this once; only its hash is kept):
          %s
        """.formatted(token));
  }

  /**
   * In the shutdown hook: halting with 0 makes SIGTERM an orderly exit, not 143. At the deadline
   * the node exits 0 all the same; only an error while stopping gives 1.
   */
  private static void stop(Node node, Vertx vertx) {
    Duration timeout = node.shutdownTimeout();
    LOG.info("stopping: requests and runs get up to {} (node.shutdownTimeout)", timeout);
    Duration last = timeout.dividedBy(6).compareTo(Duration.ofSeconds(1)) < 0 ? timeout.dividedBy(6) : Duration.ofSeconds(1);
    int code = 0;
    try {
      node.close(timeout.minus(last)).toCompletionStage().toCompletableFuture().get(timeout.minus(last).toMillis(), TimeUnit.MILLISECONDS);
      vertx.close().toCompletionStage().toCompletableFuture().get(last.toMillis(), TimeUnit.MILLISECONDS);
      LOG.info("stopped");
    } catch (TimeoutException e) {
      // a query that ignores interruption may hold the store's close; every write is one transaction, so the store is consistent
      LOG.warn("not all closed within {} (node.shutdownTimeout); exiting with what was still running cut off", timeout);
    } catch (Exception e) {
      LOG.error("stopping failed", e);
      code = 1;
    }
    System.out.flush();
    Runtime.getRuntime().halt(code);
  }
}
