package org.dpgfed.harvester.web;

import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.store.TripleStore;

/** {@code GET /health}: 200 while the process runs and the store answers, else 503; JSON detail. */
public final class Health implements Handler<RoutingContext> {
  private final TripleStore store;
  private final WorkerExecutor workers;
  private final Iris iris;

  public Health(TripleStore store, WorkerExecutor workers, Iris iris) {
    this.store = store;
    this.workers = workers;
    this.iris = iris;
  }

  @Override
  public void handle(RoutingContext ctx) {
    workers.executeBlocking(() -> store.size(iris.metaGraph()), false)
        .onSuccess(size -> ctx.json(new JsonObject().put("status", "up").put("store", "open")))
        .onFailure(err -> ctx.response().setStatusCode(503).putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("status", "down").put("store", String.valueOf(err.getMessage())).encode()));
  }
}
