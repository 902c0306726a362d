package org.dpgfed.harvester.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Lock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dpgfed.harvester.store.WriterLock;

/**
 * The store's writer lock across the cluster: a Vert.x shared-data lock, which Hazelcast releases
 * when the node holding it leaves. Blocking: taken on worker threads only (as every store write).
 */
public final class SharedWriterLock implements WriterLock {
  private static final String NAME = "store-writer";
  private static final Duration WAIT = Duration.ofMinutes(5);

  private final Vertx vertx;
  private final ThreadLocal<Lock> held = new ThreadLocal<>();

  public SharedWriterLock(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public void lock() {
    try {
      // asked from a thread outside Vert.x, so that Hazelcast's wait runs on Vert.x's own worker pool,
      // never on the caller's pool, whose threads may all be waiting here
      held.set(CompletableFuture.supplyAsync(() -> vertx.sharedData().getLockWithTimeout(NAME, WAIT.toMillis()))
          .thenCompose(Future::toCompletionStage).get(WAIT.toMillis() + 1000, TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the store's writer lock", e);
    } catch (Exception e) {
      throw new IllegalStateException("the store's writer lock was not free within " + WAIT, e);
    }
  }

  @Override
  public void unlock() {
    Lock lock = held.get();
    held.remove();
    if (lock != null) {
      lock.release();
    }
  }
}
