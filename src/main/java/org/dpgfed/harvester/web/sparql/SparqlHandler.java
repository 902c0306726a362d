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
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.store.TripleStore;
import org.dpgfed.harvester.web.HttpError;
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
 * The SPARQL 1.1 Query endpoint: validate the request, then evaluate on a worker and stream the
 * results as they come. The timeout stops evaluation; before the first bytes leave it answers 503,
 * after that it cuts the response.
 */
public final class SparqlHandler implements Handler<RoutingContext> {
  private static final IRI NOTHING = Values.iri("urn:x-dpg-harvester:no-graph");

  private final TripleStore store;
  private final WorkerExecutor workers;
  private final Config.Sparql settings;
  private final String baseIri;
  private final ServiceDescription description;
  private final Set<Resource> hidden;

  /** @param hidden graphs no query may see (the feed's internal graph, personal contacts) */
  public SparqlHandler(TripleStore store, WorkerExecutor workers, Config.Sparql settings, String baseIri,
      ServiceDescription description, Set<Resource> hidden) {
    this.store = store;
    this.workers = workers;
    this.settings = settings;
    this.baseIri = baseIri;
    this.description = description;
    this.hidden = hidden;
  }

  @Override
  public void handle(RoutingContext ctx) {
    SparqlRequest request = SparqlRequest.parse(ctx, baseIri);
    if (request == null) {
      description.handle(ctx);
      return;
    }
    HttpServerResponse response = ctx.response();
    response.putHeader("Content-Type", request.format().contentType()).putHeader("Vary", "Accept").setChunked(true);
    if (request.form() == ResultFormat.Form.TUPLE) {
      response.putHeader("X-Result-Limit", String.valueOf(settings.maxRows()));
    }
    workers.executeBlocking(() -> evaluate(request, new ResponseStream(response)), false)
        .onSuccess(v -> response.end())
        .onFailure(err -> ctx.fail(translate(err)));
  }

  private Void evaluate(SparqlRequest request, ResponseStream out) throws IOException {
    try (RepositoryConnection conn = store.connection()) {
      Query query = conn.prepareQuery(QueryLanguage.SPARQL, request.query(), baseIri);
      query.setMaxExecutionTime(timeoutSeconds());
      query.setDataset(dataset(conn, request.dataset()));
      switch (request.form()) {
        case TUPLE -> writeTuples((TupleQuery) query, request.format(), out);
        case BOOLEAN -> QueryResultIO.writeBoolean(((BooleanQuery) query).evaluate(), request.format().booleanFormat(), out);
        case GRAPH -> writeGraph((GraphQuery) query, request.format(), out);
      }
      out.send();
      return null;
    }
  }

  private void writeTuples(TupleQuery query, ResultFormat format, ResponseStream out) {
    TupleQueryResultWriter writer = QueryResultIO.createTupleWriter(format.tupleFormat(), out);
    try (TupleQueryResult result = query.evaluate()) {
      List<String> names = result.getBindingNames();
      writer.startQueryResult(names);
      int rows = 0;
      while (rows < settings.maxRows() && result.hasNext()) {
        writer.handleSolution(result.next());
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
        writer.handleStatement(result.next());
      }
      writer.endRDF();
    }
  }

  /**
   * The graphs a query sees: those the request named, or else every graph (as default graph and
   * as named graphs), always without the hidden ones.
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

  private int timeoutSeconds() {
    Duration timeout = settings.timeout();
    return (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
  }

  private Throwable translate(Throwable err) {
    Throwable cause = err;
    while (cause != null) {
      if (cause instanceof QueryInterruptedException) {
        return new HttpError(503, "the query ran longer than " + settings.timeout() + " (sparql.timeout) and was stopped");
      }
      if (cause instanceof HttpError) {
        return cause;
      }
      cause = cause.getCause();
    }
    return err;
  }
}
