package org.dpgfed.harvester.web.sparql;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.store.TripleStore;
import org.dpgfed.harvester.web.HttpError;
import org.eclipse.rdf4j.common.transaction.IsolationLevels;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.query.QueryInterruptedException;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/**
 * The SPARQL 1.1 Query endpoint: validate the request, admit it (client budget, then a place
 * among {@code sparql.maxConcurrent}, waiting in line if need be), then evaluate on a worker and
 * stream the results as they come. {@code sparql.timeout} counts from the request: a query still
 * in line then answers 503; evaluation stops at it, answering 503 before the first bytes leave
 * and cutting the response after. Should evaluation not notice the timeout, a guard answers 503 a
 * second later; the query keeps its place until evaluation has really stopped.
 */
public final class SparqlHandler implements Handler<RoutingContext> {
  /** How long after the timeout a 503 leaves even if evaluation has not noticed it yet. */
  private static final long GRACE_MILLIS = 1000;

  private final TripleStore store;
  private final WorkerExecutor workers;
  private final Config.Sparql settings;
  private final String baseIri;
  private final ServiceDescription description;
  private final QueryAdmission admission;
  private final QueryEvaluation evaluation;

  public SparqlHandler(TripleStore store, WorkerExecutor workers, Config.Sparql settings, String baseIri,
      ServiceDescription description, Set<Resource> hidden, QueryAdmission admission) {
    this.store = store;
    this.workers = workers;
    this.settings = settings;
    this.baseIri = baseIri;
    this.description = description;
    this.admission = admission;
    this.evaluation = new QueryEvaluation(settings, baseIri, hidden, store);
  }

  @Override
  public void handle(RoutingContext ctx) {
    SparqlRequest request = SparqlRequest.parse(ctx, baseIri, settings);
    if (request == null) {
      description.handle(ctx);
      return;
    }
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    QueryAdmission.Waiting place = admission.admit(ctx.request().remoteAddress().hostAddress());
    HttpServerResponse response = ctx.response();
    response.putHeader("Content-Type", request.format().contentType()).putHeader("Vary", "Accept").setChunked(true);
    if (request.form() == ResultFormat.Form.TUPLE) {
      response.putHeader("X-Result-Limit", String.valueOf(settings.maxRows()));
    }
    AtomicBoolean answered = new AtomicBoolean();
    Guard guard = new Guard(ctx, place, answered);
    response.closeHandler(gone -> place.giveUp()); // a client that left no longer waits in line
    place.ticket().onSuccess(ticket -> workers.executeBlocking(() -> evaluate(request, deadline, response), false)
        .onComplete(result -> {
          guard.cancel();
          ticket.release();
          if (answered.compareAndSet(false, true)) {
            if (result.succeeded()) {
              response.end();
            } else {
              ctx.fail(translate(result.cause()));
            }
          }
        }));
  }

  /**
   * The timers of one query: at the timeout a query still in line leaves it (503); one still
   * evaluating gets {@link #GRACE_MILLIS} more to stop before the 503 leaves without it.
   */
  private final class Guard {
    private final Vertx vertx;
    private volatile long timer;

    Guard(RoutingContext ctx, QueryAdmission.Waiting place, AtomicBoolean answered) {
      this.vertx = ctx.vertx();
      HttpServerResponse response = ctx.response();
      timer = vertx.setTimer(settings.timeout().toMillis(), atTimeout -> {
        if (place.giveUp()) {
          answered.set(true);
          ctx.fail(new HttpError(503, "no place among the " + QueryAdmission.places(settings)
              + " queries evaluated at once (sparql.maxConcurrent) came free within " + settings.timeout()
              + " (sparql.timeout)", Map.of("Retry-After", "1")));
          return;
        }
        timer = vertx.setTimer(GRACE_MILLIS, late -> {
          if (!response.headWritten() && answered.compareAndSet(false, true)) {
            ctx.fail(timedOut());
          }
        });
      });
    }

    void cancel() {
      vertx.cancelTimer(timer);
    }
  }

  private HttpError timedOut() {
    return new HttpError(503, "the query ran longer than " + settings.timeout() + " (sparql.timeout) and was stopped");
  }

  private Void evaluate(SparqlRequest request, long deadline, HttpServerResponse response) throws IOException {
    ResponseStream out = new ResponseStream(response);
    try (RepositoryConnection conn = store.connection()) {
      conn.begin(IsolationLevels.SNAPSHOT);
      try {
        evaluation.run(conn, request, deadline, response, out);
      } catch (RuntimeException | AssertionError e) {
        // the timeout closes the iteration under the evaluating thread, which may then fail in other ways
        if (System.nanoTime() - deadline >= 0) {
          throw new QueryInterruptedException("stopped at the timeout", e);
        }
        throw e;
      } finally {
        conn.rollback();
      }
      return null;
    }
  }

  private Throwable translate(Throwable err) {
    Throwable cause = err;
    while (cause != null) {
      if (cause instanceof QueryInterruptedException) {
        return timedOut();
      }
      if (cause instanceof HttpError) {
        return cause;
      }
      cause = cause.getCause();
    }
    return err;
  }
}
