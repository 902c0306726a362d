package org.dpgfed.harvester.metrics;

import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /metrics}: refreshes the store gauges on a worker, then answers Prometheus text. */
public final class MetricsHandler implements Handler<RoutingContext> {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final NodeMetrics metrics;
  private final NodeGauges gauges;
  private final WorkerExecutor workers;

  public MetricsHandler(NodeMetrics metrics, NodeGauges gauges, WorkerExecutor workers) {
    this.metrics = metrics;
    this.gauges = gauges;
    this.workers = workers;
  }

  @Override
  public void handle(RoutingContext ctx) {
    workers.executeBlocking(() -> {
          gauges.refresh();
          return metrics.scrape();
        }, false)
        .onSuccess(text -> ctx.response().putHeader("Content-Type", PROMETHEUS_TEXT).end(text))
        .onFailure(ctx::fail);
  }
}
