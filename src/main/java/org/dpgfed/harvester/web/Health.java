package org.dpgfed.harvester.web;

import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.registry.StaleSources;
import org.dpgfed.harvester.store.TripleStore;

/**
 * {@code GET /health}: liveness, 200 while the process runs and the store answers, else 503.
 * {@code GET /health/ready}: 200 once the store is open and the scheduler runs, listing stale
 * sources (which do not make the node unready). Before that, and while stopping, {@link Gate}
 * answers 503.
 */
public final class Health {
  private final TripleStore store;
  private final WorkerExecutor workers;
  private final Iris iris;
  private final StaleSources staleSources;

  public Health(TripleStore store, WorkerExecutor workers, Iris iris, StaleSources staleSources) {
    this.store = store;
    this.workers = workers;
    this.iris = iris;
    this.staleSources = staleSources;
  }

  public void live(RoutingContext ctx) {
    workers.executeBlocking(() -> store.size(iris.metaGraph()), false)
        .onSuccess(size -> ctx.json(new JsonObject().put("status", "up").put("store", "open")))
        .onFailure(err -> down(ctx, err));
  }

  public void ready(RoutingContext ctx) {
    workers.executeBlocking(() -> {
          store.size(iris.metaGraph());
          return staleSources.stale();
        }, false)
        .onSuccess(stale -> ctx.json(new JsonObject().put("status", "ready").put("ready", true).put("store", "open")
            .put("scheduler", "running").put("staleSources", json(stale))))
        .onFailure(err -> down(ctx, err));
  }

  private static JsonArray json(List<StaleSources.Stale> stale) {
    JsonArray items = new JsonArray();
    for (StaleSources.Stale s : stale) {
      items.add(new JsonObject().put("id", s.source().id())
          .put("lastSuccessAt", s.status().lastSuccessAt() == null ? null : s.status().lastSuccessAt().toString())
          .put("consecutiveFailures", s.status().consecutiveFailures()));
    }
    return items;
  }

  private static void down(RoutingContext ctx, Throwable err) {
    ctx.response().setStatusCode(503).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("status", "down").put("ready", false).put("store", String.valueOf(err.getMessage())).encode());
  }
}
