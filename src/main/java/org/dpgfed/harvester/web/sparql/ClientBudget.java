package org.dpgfed.harvester.web.sparql;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Query time per client (remote address): a bucket that holds at most {@code sparql.clientBudget}
 * and refills at that much per minute. A query is charged its wall time when it ends; a client
 * whose bucket is empty waits until it has refilled above zero.
 */
final class ClientBudget {
  private static final long MINUTE = Duration.ofMinutes(1).toMillis();
  private static final int PRUNE_ABOVE = 10_000;

  private final long budget;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  ClientBudget(Duration budget, Clock clock) {
    this.budget = budget.toMillis();
    this.clock = clock;
  }

  /** @return 0 when the client may start a query, else the seconds until it may */
  long secondsToWait(String client) {
    Bucket bucket = buckets.get(client);
    if (bucket == null) {
      return 0;
    }
    double left = bucket.refill(clock.millis());
    return left > 0 ? 0 : Math.max(1, (long) Math.ceil((-left + 1) * MINUTE / budget / 1000.0));
  }

  void charge(String client, long millis) {
    if (buckets.size() > PRUNE_ABOVE) {
      buckets.values().removeIf(b -> b.refill(clock.millis()) >= budget);
    }
    buckets.computeIfAbsent(client, c -> new Bucket(budget, clock.millis())).take(millis, clock.millis());
  }

  private final class Bucket {
    private double left;
    private long updatedAt;

    Bucket(double left, long now) {
      this.left = left;
      this.updatedAt = now;
    }

    synchronized double refill(long now) {
      left = Math.min(budget, left + (double) (now - updatedAt) * budget / MINUTE);
      updatedAt = now;
      return left;
    }

    synchronized void take(long millis, long now) {
      refill(now);
      left -= millis;
    }
  }
}
