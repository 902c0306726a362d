package org.dpgfed.harvester.web.sparql;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.web.HttpError;

/**
 * Who may start a query now: at most {@code sparql.maxConcurrent} run at once (else 503), and a
 * client that used up its {@code sparql.clientBudget} waits (429). Both answers say when to retry.
 */
public final class QueryAdmission {
  private final int maxConcurrent;
  private final ClientBudget budget;
  private final Clock clock;
  private final AtomicInteger running = new AtomicInteger();

  public QueryAdmission(Config.Sparql settings, Clock clock) {
    this.maxConcurrent = settings.maxConcurrent();
    this.budget = new ClientBudget(settings.clientBudget(), clock);
    this.clock = clock;
  }

  /** A place for one query, to be released when its evaluation has ended. */
  Ticket admit(String client) {
    long wait = budget.secondsToWait(client);
    if (wait > 0) {
      throw new HttpError(429, "this client used its query time for now (sparql.clientBudget); retry in " + wait
          + " s", Map.of("Retry-After", String.valueOf(wait)));
    }
    if (running.incrementAndGet() > maxConcurrent) {
      running.decrementAndGet();
      throw new HttpError(503, "the endpoint is evaluating " + maxConcurrent
          + " queries (sparql.maxConcurrent); retry in a moment", Map.of("Retry-After", "1"));
    }
    return new Ticket(client, clock.millis());
  }

  final class Ticket {
    private final String client;
    private final long startedAt;

    private Ticket(String client, long startedAt) {
      this.client = client;
      this.startedAt = startedAt;
    }

    void release() {
      running.decrementAndGet();
      budget.charge(client, clock.millis() - startedAt);
    }
  }
}
