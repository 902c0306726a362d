package org.dpgfed.harvester.web.sparql;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.web.HttpError;

/**
 * Who may start a query now: at most {@code sparql.maxConcurrent} are evaluated at once (0: one
 * per core); a query beyond that waits in line, first come first served, until a place is free
 * or its {@code sparql.timeout} passes (the caller then gives up its place in line and answers
 * 503). A client that used up its {@code sparql.clientBudget} is refused at once (429).
 */
public final class QueryAdmission {
  private final int maxConcurrent;
  private final ClientBudget budget;
  private final Clock clock;
  private final Queue<Waiting> line = new ArrayDeque<>();
  private int running;

  public QueryAdmission(Config.Sparql settings, Clock clock) {
    this.maxConcurrent = places(settings);
    this.budget = new ClientBudget(settings.clientBudget(), clock);
    this.clock = clock;
  }

  /** How many queries are evaluated at once: {@code sparql.maxConcurrent}, or one per core when it is 0. */
  public static int places(Config.Sparql settings) {
    return settings.maxConcurrent() > 0 ? settings.maxConcurrent() : Runtime.getRuntime().availableProcessors();
  }

  /** A place in line for one query; its ticket comes when a place is free. */
  Waiting admit(String client) {
    long wait = budget.secondsToWait(client);
    if (wait > 0) {
      throw new HttpError(429, "this client used its query time for now (sparql.clientBudget); retry in " + wait
          + " s", Map.of("Retry-After", String.valueOf(wait)));
    }
    Waiting waiting = new Waiting(client);
    synchronized (this) {
      if (running < maxConcurrent) {
        running++;
        waiting.admitted();
      } else {
        line.add(waiting);
      }
    }
    return waiting;
  }

  /** The place a query ends: it goes to the first in line, if any. */
  private void free() {
    Waiting next;
    synchronized (this) {
      next = line.poll();
      if (next == null) {
        running--;
      }
    }
    if (next != null) {
      next.admitted();
    }
  }

  /** How many queries wait for a place now. */
  synchronized int waiting() {
    return line.size();
  }

  /** One query in line, then holding a place until {@link Ticket#release}. */
  final class Waiting {
    private final String client;
    private final Promise<Ticket> ticket = Promise.promise();

    private Waiting(String client) {
      this.client = client;
    }

    Future<Ticket> ticket() {
      return ticket.future();
    }

    private void admitted() {
      ticket.complete(new Ticket(client, clock.millis()));
    }

    /** Leaves the line; false when the query holds a place already. */
    boolean giveUp() {
      synchronized (QueryAdmission.this) {
        return line.remove(this);
      }
    }
  }

  final class Ticket {
    private final String client;
    private final long startedAt;

    private Ticket(String client, long startedAt) {
      this.client = client;
      this.startedAt = startedAt;
    }

    void release() {
      free();
      budget.charge(client, clock.millis() - startedAt);
    }
  }
}
