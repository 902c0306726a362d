package org.dpgfed.harvester.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.dpgfed.harvester.model.ConflictException;

/**
 * Who harvests a source now. Alone, a node always may (its scheduler already runs one run per
 * source). In a cluster, a run first takes the lock {@code harvest:<sourceId>}; when another node
 * holds it the claim fails with {@link ConflictException}. A node that dies loses its locks.
 */
public final class SourceClaims {
  /** A claim held until the run has ended. */
  public interface Claim {
    void release();
  }

  private static final Claim NOTHING = () -> { };

  private final Vertx vertx;
  private final Duration timeout;

  private SourceClaims(Vertx vertx, Duration timeout) {
    this.vertx = vertx;
    this.timeout = timeout;
  }

  /** For a node alone with its store. */
  public static SourceClaims alone() {
    return new SourceClaims(null, Duration.ZERO);
  }

  /** @param timeout how long to wait for a lock another node holds */
  public static SourceClaims clustered(Vertx vertx, Duration timeout) {
    return new SourceClaims(vertx, timeout);
  }

  /** Whether other nodes share the store (so the registry and runs there may change under this node). */
  public boolean shared() {
    return vertx != null;
  }

  public Future<Claim> claim(String sourceId) {
    if (vertx == null) {
      return Future.succeededFuture(NOTHING);
    }
    return vertx.sharedData().getLockWithTimeout("harvest:" + sourceId, timeout.toMillis())
        .<Claim>map(lock -> lock::release)
        .recover(err -> Future.failedFuture(
            new ConflictException("source '" + sourceId + "' is being harvested by another node")));
  }
}
