package org.dpgfed.harvester.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Registry changes told to every node of the cluster: the id of a source one node created,
 * changed or deleted, so the others re-read it from the store and schedule (or stop) it.
 */
public final class RegistryEvents {
  private static final String ADDRESS = "dpg-harvester.registry.changed";

  private final Vertx vertx;
  private final String self = UUID.randomUUID().toString();

  public RegistryEvents(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Tells the other nodes; called once the change is written. */
  public void changed(String sourceId) {
    vertx.eventBus().publish(ADDRESS, new JsonObject().put("source", sourceId).put("node", self));
  }

  /** Calls {@code listener} (on the event loop) with each source another node changed. */
  public void listen(Consumer<String> listener) {
    vertx.eventBus().<JsonObject>consumer(ADDRESS, message -> {
      if (!self.equals(message.body().getString("node"))) {
        listener.accept(message.body().getString("source"));
      }
    });
  }
}
