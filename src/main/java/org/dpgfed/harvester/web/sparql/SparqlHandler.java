package org.dpgfed.harvester.web.sparql;

import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.query.Dataset;
import org.eclipse.rdf4j.query.impl.SimpleDataset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.store.TripleStore;
import org.dpgfed.harvester.web.HttpError;
import org.eclipse.rdf4j.common.transaction.IsolationLevels;
import org.eclipse.rdf4j.query.BooleanQuery;
import org.eclipse.rdf4j.query.GraphQuery;
import org.eclipse.rdf4j.query.GraphQueryResult;
import org.eclipse.rdf4j.query.Query;
import org.eclipse.rdf4j.query.QueryInterruptedException;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.TupleQuery;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.query.resultio.QueryResultIO;
import org.eclipse.rdf4j.query.resultio.TupleQueryResultWriter;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;

/**
 * The SPARQL 1.1 Query endpoint: validate the request, admit it (concurrency and client budget),
 * then evaluate on a worker and stream the results as they come. The timeout stops evaluation;
 * before the first bytes leave it answers 503, after that it cuts the response. Should evaluation
 * not notice the timeout, a guard answers 503 a second later; the query keeps its place among
 * {@code sparql.maxConcurrent} until evaluation has really stopped.
 *
 * <p>A SELECT that might exceed {@code sparql.maxRows} is first counted up to maxRows + 1 rows
 * (nothing held in memory), then evaluated again in the same snapshot and streamed, so the header
 * {@code X-Result-Truncated} can tell the truth before the first byte leaves.
 */
public final class SparqlHandler implements Handler<RoutingContext> {
  /** How long after the timeout a 503 leaves even if evaluation has not noticed it yet. */
  private static final long GRACE_MILLIS = 1000;
  private static final IRI NOTHING = Values.iri("urn:x-dpg-harvester:no-graph");

  private final TripleStore store;
  private final WorkerExecutor workers;
  private final Config.Sparql settings;
  private final String baseIri;
  private final ServiceDescription description;
  private final QueryAdmission admission;
  private final Set<Resource> hidden;

  public SparqlHandler(TripleStore store, WorkerExecutor workers, Config.Sparql settings, String baseIri,
      ServiceDescription description, Set<Resource> hidden, QueryAdmission admission) {
    this.store = store;
    this.workers = workers;
    this.settings = settings;
    this.baseIri = baseIri;
    this.description = description;
    this.admission = admission;
    this.hidden = hidden;
  }

  @Override
  public void handle(RoutingContext ctx) {
    SparqlRequest request = SparqlRequest.parse(ctx, baseIri, settings);
    if (request == null) {
      description.handle(ctx);
      return;
    }
    QueryAdmission.Ticket ticket = admission.admit(ctx.request().remoteAddress().hostAddress());
    HttpServerResponse response = ctx.response();
    response.putHeader("Content-Type", request.format().contentType()).putHeader("Vary", "Accept").setChunked(true);
    if (request.form() == ResultFormat.Form.TUPLE) {
      response.putHeader("X-Result-Limit", String.valueOf(settings.maxRows()));
    }
    AtomicBoolean answered = new AtomicBoolean();
    long guard = ctx.vertx().setTimer(settings.timeout().toMillis() + GRACE_MILLIS, id -> {
      if (!response.headWritten() && answered.compareAndSet(false, true)) {
        ctx.fail(timedOut());
      }
    });
    workers.executeBlocking(() -> evaluate(request, response), false)
        .onComplete(result -> {
          ctx.vertx().cancelTimer(guard);
          ticket.release();
          if (answered.compareAndSet(false, true)) {
            if (result.succeeded()) {
              response.end();
            } else {
              ctx.fail(translate(result.cause()));
            }
          }
        });
  }

  private HttpError timedOut() {
    return new HttpError(503, "the query ran longer than " + settings.timeout() + " (sparql.timeout) and was stopped");
  }

  private Void evaluate(SparqlRequest request, HttpServerResponse response) throws IOException {
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    ResponseStream out = new ResponseStream(response);
    try (RepositoryConnection conn = store.connection()) {
      conn.begin(IsolationLevels.SNAPSHOT);
      try {
        stream(conn, request, deadline, response, out);
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

  /** Within one read snapshot: count ahead when needed, then stream. */
  private void stream(RepositoryConnection conn, SparqlRequest request, long deadline, HttpServerResponse response,
      ResponseStream out) throws IOException {
    if (request.form() == ResultFormat.Form.TUPLE) {
      boolean truncated = mayExceed(request) && exceedsMaxRows((TupleQuery) prepare(conn, request, deadline));
      response.putHeader("X-Result-Truncated", String.valueOf(truncated));
    }
    Query query = prepare(conn, request, deadline);
    switch (request.form()) {
      case TUPLE -> writeTuples((TupleQuery) query, request.format(), out);
      case BOOLEAN -> QueryResultIO.writeBoolean(((BooleanQuery) query).evaluate(), request.format().booleanFormat(), out);
      case GRAPH -> writeGraph((GraphQuery) query, request.format(), out);
    }
    out.send();
  }

  /**
   * The graphs a query sees: those the request named, or else every graph (as default graph and
   * as named graphs), always without the hidden ones (the feed's internal graph, personal contacts).
   */
  private Dataset dataset(RepositoryConnection conn, Dataset requested) {
    SimpleDataset dataset = new SimpleDataset();
    if (requested != null) {
      requested.getDefaultGraphs().stream().filter(g -> !hidden.contains(g)).forEach(dataset::addDefaultGraph);
      requested.getNamedGraphs().stream().filter(g -> !hidden.contains(g)).forEach(dataset::addNamedGraph);
    } else {
      for (Resource graph : conn.getContextIDs().stream().toList()) {
        if (graph instanceof IRI iri && !hidden.contains(iri)) {
          dataset.addDefaultGraph(iri);
          dataset.addNamedGraph(iri);
        }
      }
    }
    if (dataset.getDefaultGraphs().isEmpty()) {
      dataset.addDefaultGraph(NOTHING); // an empty set would mean "all graphs"
    }
    if (dataset.getNamedGraphs().isEmpty()) {
      dataset.addNamedGraph(NOTHING);
    }
    return dataset;
  }

  private Query prepare(RepositoryConnection conn, SparqlRequest request, long deadline) {
    Query query = conn.prepareQuery(QueryLanguage.SPARQL, request.query(), baseIri);
    query.setMaxExecutionTime(secondsLeft(deadline));
    query.setDataset(dataset(conn, request.dataset()));
    return query;
  }

  private boolean mayExceed(SparqlRequest request) {
    return request.ownLimit() < 0 || request.ownLimit() > settings.maxRows();
  }

  /** Counts up to maxRows + 1 rows without keeping them. */
  private boolean exceedsMaxRows(TupleQuery query) {
    try (TupleQueryResult result = query.evaluate()) {
      long rows = 0;
      while (rows <= settings.maxRows() && result.hasNext()) {
        result.next();
        rows++;
      }
      return rows > settings.maxRows();
    }
  }

  private void writeTuples(TupleQuery query, ResultFormat format, ResponseStream out) {
    TupleQueryResultWriter writer = QueryResultIO.createTupleWriter(format.tupleFormat(), out);
    try (TupleQueryResult result = query.evaluate()) {
      List<String> names = result.getBindingNames();
      writer.startQueryResult(names);
      int rows = 0;
      while (rows < settings.maxRows() && result.hasNext()) {
        writer.handleSolution(TripleStore.shown(result.next()));
        rows++;
      }
      writer.endQueryResult();
    }
  }

  private static void writeGraph(GraphQuery query, ResultFormat format, ResponseStream out) {
    RDFWriter writer = Rio.createWriter(format.rdfFormat(), out);
    try (GraphQueryResult result = query.evaluate()) {
      writer.startRDF();
      result.getNamespaces().forEach(writer::handleNamespace);
      while (result.hasNext()) {
        writer.handleStatement(TripleStore.shown(result.next()));
      }
      writer.endRDF();
    }
  }

  /** RDF4J takes whole seconds: what is left of the timeout, rounded up. */
  private static int secondsLeft(long deadline) {
    long millis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
    if (millis <= 0) {
      throw new QueryInterruptedException("the timeout passed before the query could start");
    }
    return (int) Math.max(1, (millis + 999) / 1000);
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
