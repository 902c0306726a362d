package org.dpgfed.harvester.harvest;

import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * The end of a run's fetching and reading, whatever ends it: the reading itself, the watchdog
 * past {@code harvest.runTimeout}, or the node's shutdown. Fetches under way take {@link #ended()}
 * as their cancel signal, so they close at once when the run is cut short. Close it when the run
 * has ended, to cancel the watchdog.
 */
final class RunWatch implements AutoCloseable {
  private final Promise<Void> ended = Promise.promise();
  private final HarvestContext ctx;
  private final long watchdog;

  RunWatch(HarvestContext ctx, Future<Void> stop) {
    this.ctx = ctx;
    this.watchdog = ctx.vertx().setTimer(ctx.settings().runTimeout().toMillis(),
        id -> ended.tryFail(new RunTimeoutException(ctx.settings().runTimeout())));
    stop.onComplete(v -> ended.tryFail(new RunStoppedException()));
  }

  /** Completes when reading has ended, fails when the run was cut short. */
  Future<Void> ended() {
    return ended.future();
  }

  boolean isOver() {
    return ended.future().isComplete();
  }

  /** Follows {@code reading} to its end, unless the watchdog or the shutdown comes first. */
  Future<Void> watch(Future<?> reading) {
    reading.onComplete(ar -> {
      if (ar.succeeded()) {
        ended.tryComplete();
      } else {
        ended.tryFail(ar.cause());
      }
    });
    return ended.future();
  }

  @Override
  public void close() {
    ctx.vertx().cancelTimer(watchdog);
  }
}
