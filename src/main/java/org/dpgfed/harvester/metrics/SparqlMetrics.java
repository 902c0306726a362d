package org.dpgfed.harvester.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * Times every SPARQL query from request to the last byte, by outcome ({@code ok}, {@code timeout},
 * {@code rejected} for a 4xx, {@code error}, {@code aborted} when the response was cut), and counts
 * timeouts. A 503 from {@code /sparql}, or any failure once {@code sparql.timeout} has passed, is a
 * query that ran out of time.
 */
public final class SparqlMetrics implements Handler<RoutingContext> {
  private static final Duration[] BUCKETS = {
      Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
      Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
      Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
      Duration.ofSeconds(60)};

  private final MeterRegistry registry;
  private final Counter timeouts;
  private final long timeoutNanos;

  /** @param timeout {@code sparql.timeout}: a query that failed after running this long timed out */
  public SparqlMetrics(MeterRegistry registry, Duration timeout) {
    this.registry = registry;
    this.timeoutNanos = timeout.toNanos();
    this.timeouts = Counter.builder("dpg.sparql.timeouts").description("SPARQL queries stopped by sparql.timeout")
        .register(registry);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.request().method() == HttpMethod.GET && !asksQuery(ctx)) {
      ctx.next(); // the service description, not a query
      return;
    }
    long start = System.nanoTime();
    ctx.addEndHandler(ended -> record(ctx, ended.succeeded(), System.nanoTime() - start));
    ctx.next();
  }

  private static boolean asksQuery(RoutingContext ctx) {
    try {
      return ctx.request().getParam("query") != null;
    } catch (IllegalArgumentException e) {
      return true; // a query string that is not well formed: the handler answers 400, a rejected query
    }
  }

  private void record(RoutingContext ctx, boolean completed, long nanos) {
    String outcome = outcome(ctx, completed, nanos >= timeoutNanos);
    if (outcome.equals("timeout")) {
      timeouts.increment();
    }
    Timer.builder("dpg.sparql.query.duration").description("SPARQL queries, from request to last byte")
        .serviceLevelObjectives(BUCKETS).tag("outcome", outcome).register(registry)
        .record(Duration.ofNanos(nanos));
  }

  private static String outcome(RoutingContext ctx, boolean completed, boolean ranOutOfTime) {
    int status = ctx.response().getStatusCode();
    boolean failed = status >= 500 || !completed || ctx.failure() != null;
    if (status == 503 || ctx.failure() instanceof org.dpgfed.harvester.web.HttpError e && e.status() == 503
        || failed && ranOutOfTime) {
      return "timeout"; // an interrupted store read can surface as another error
    }
    if (!completed) {
      return "aborted";
    }
    return status >= 500 ? "error" : status >= 400 ? "rejected" : "ok";
  }
}
