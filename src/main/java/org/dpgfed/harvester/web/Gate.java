package org.dpgfed.harvester.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The first handler of every request. While the node starts (the store is not open yet) and once
 * it stops, it answers 503 itself; in between it lets requests through and counts those in flight,
 * so that a shutdown can wait for them.
 */
public final class Gate implements Handler<RoutingContext> {
  private enum State { STARTING, OPEN, CLOSING }

  private volatile State state = State.STARTING;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Promise<Void> drained = Promise.promise();

  @Override
  public void handle(RoutingContext ctx) {
    State now = state;
    if (now != State.OPEN) {
      refuse(ctx, now);
      return;
    }
    inFlight.incrementAndGet();
    ctx.addEndHandler(v -> {
      if (inFlight.decrementAndGet() == 0 && state == State.CLOSING) {
        drained.tryComplete();
      }
    });
    ctx.next();
  }

  /** The store is open and the scheduler runs: requests pass. */
  public void open() {
    state = State.OPEN;
  }

  /** New requests get 503 from now on; the future completes once the requests in flight have ended. */
  public Future<Void> close() {
    state = State.CLOSING;
    if (inFlight.get() == 0) {
      drained.tryComplete();
    }
    return drained.future();
  }

  public boolean isOpen() {
    return state == State.OPEN;
  }

  private static void refuse(RoutingContext ctx, State now) {
    String status = now == State.STARTING ? "starting" : "stopping";
    String detail = now == State.STARTING ? "the node is starting: the store is not open yet"
        : "the node is shutting down";
    ctx.response().setStatusCode(503).putHeader("Retry-After", "5");
    if (now == State.CLOSING) {
      ctx.response().putHeader("Connection", "close");
    }
    if (ctx.request().path().startsWith("/health")) {
      ctx.response().putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("status", status).put("ready", false).put("detail", detail).encode());
    } else {
      ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(detail + "\n");
    }
  }
}
