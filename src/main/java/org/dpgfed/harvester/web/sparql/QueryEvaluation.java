package org.dpgfed.harvester.web.sparql;

import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.store.TripleStore;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.BooleanQuery;
import org.eclipse.rdf4j.query.Dataset;
import org.eclipse.rdf4j.query.GraphQuery;
import org.eclipse.rdf4j.query.GraphQueryResult;
import org.eclipse.rdf4j.query.Query;
import org.eclipse.rdf4j.query.QueryInterruptedException;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.TupleQuery;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.query.impl.SimpleDataset;
import org.eclipse.rdf4j.query.parser.ParsedBooleanQuery;
import org.eclipse.rdf4j.query.parser.ParsedGraphQuery;
import org.eclipse.rdf4j.query.parser.ParsedTupleQuery;
import org.eclipse.rdf4j.query.resultio.QueryResultIO;
import org.eclipse.rdf4j.query.resultio.TupleQueryResultWriter;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sail.SailBooleanQuery;
import org.eclipse.rdf4j.repository.sail.SailGraphQuery;
import org.eclipse.rdf4j.repository.sail.SailRepositoryConnection;
import org.eclipse.rdf4j.repository.sail.SailTupleQuery;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;

/**
 * Evaluates one checked request in one read snapshot and writes its results.
 *
 * <p>The hidden graphs stay out by {@link HiddenGraphs} when the query allows it, else by a
 * dataset that lists every other graph; either way a default-graph pattern matches a triple once
 * however many graphs hold it ({@link DefaultGraphSet}). A query parsed by the request is
 * evaluated as parsed.
 *
 * <p>A SELECT that might exceed {@code sparql.maxRows} must say {@code X-Result-Truncated} before
 * its first byte: its first {@link #AHEAD} rows are read ahead and held; a result that ends
 * there is written from them, so most queries are evaluated once. A longer one is counted on up to
 * maxRows + 1 (nothing held), then evaluated again in the same snapshot and streamed.
 */
final class QueryEvaluation {
  /** Rows held to learn whether a result ends before the cap: a few hundred KiB at most. */
  static final int AHEAD = 1000;
  private static final IRI NOTHING = Values.iri("urn:x-dpg-harvester:no-graph");

  private final Config.Sparql settings;
  private final String baseIri;
  private final Set<Resource> hidden;
  private final HiddenGraphs hiding;
  private final Function<RepositoryConnection, List<Resource>> graphs;

  QueryEvaluation(Config.Sparql settings, String baseIri, Set<Resource> hidden, TripleStore store) {
    this.settings = settings;
    this.baseIri = baseIri;
    this.hidden = hidden;
    this.hiding = new HiddenGraphs(hidden, store.readsGraphFirst());
    this.graphs = store::graphs;
  }

  /** Within one read snapshot on {@code conn}: evaluate, then write to {@code out}. */
  void run(RepositoryConnection conn, SparqlRequest request, long deadline, HttpServerResponse response,
      ResponseStream out) throws IOException {
    Preparer preparer = preparer(conn, request);
    Query query = preparer.prepare(deadline);
    switch (request.form()) {
      case TUPLE -> tuples((TupleQuery) query, preparer, request, deadline, response, out);
      case BOOLEAN -> QueryResultIO.writeBoolean(((BooleanQuery) query).evaluate(), request.format().booleanFormat(), out);
      case GRAPH -> writeGraph((GraphQuery) query, request.format(), out);
    }
    out.send();
  }

  /** Makes the query object, as often as it is evaluated. */
  private interface Preparer {
    Query create();

    default Query prepare(long deadline) {
      Query query = create();
      query.setMaxExecutionTime(secondsLeft(deadline));
      return query;
    }
  }

  private Preparer preparer(RepositoryConnection conn, SparqlRequest request) {
    if (!(conn instanceof SailRepositoryConnection sail)) {
      Dataset dataset = dataset(conn, request);
      return () -> withDataset(conn.prepareQuery(QueryLanguage.SPARQL, request.query(), baseIri), dataset);
    }
    if (request.dataset() == null && request.parsed().getDataset() == null
        && HiddenGraphs.rewritable(request.parsed().getTupleExpr())) {
      DefaultGraphSet.project(request.parsed());
      hiding.rewrite(request.parsed().getTupleExpr(), () -> visibleGraphs(conn));
      return () -> parsed(sail, request);
    }
    Dataset dataset = dataset(conn, request);
    if (dataset.getDefaultGraphs().size() > 1) {
      DefaultGraphSet.distinctDefaultPatterns(request.parsed().getTupleExpr());
    }
    return () -> withDataset(parsed(sail, request), dataset);
  }

  private static Query withDataset(Query query, Dataset dataset) {
    query.setDataset(dataset);
    return query;
  }

  /** The query as the request parsed it; RDF4J copies the algebra before it optimises, so it may be evaluated twice. */
  private static Query parsed(SailRepositoryConnection conn, SparqlRequest request) {
    if (request.parsed() instanceof ParsedTupleQuery tuple) {
      return new SailTupleQuery(tuple, conn);
    }
    if (request.parsed() instanceof ParsedGraphQuery graph) {
      return new SailGraphQuery(graph, conn) {};
    }
    return new SailBooleanQuery((ParsedBooleanQuery) request.parsed(), conn) {};
  }

  /**
   * The graphs a query sees: those the request (or else the query's FROM) named, or else every
   * graph (as default graph and as named graphs), always without the hidden ones.
   */
  private Dataset dataset(RepositoryConnection conn, SparqlRequest request) {
    Dataset requested = request.dataset() != null ? request.dataset() : request.parsed().getDataset();
    SimpleDataset dataset = new SimpleDataset();
    if (requested != null) {
      requested.getDefaultGraphs().stream().filter(g -> !hidden.contains(g)).forEach(dataset::addDefaultGraph);
      requested.getNamedGraphs().stream().filter(g -> !hidden.contains(g)).forEach(dataset::addNamedGraph);
    } else {
      for (Resource graph : visibleGraphs(conn)) {
        dataset.addDefaultGraph((IRI) graph);
        dataset.addNamedGraph((IRI) graph);
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

  /** The graphs of the store a query may read: every one but the hidden ones (see {@link TripleStore#graphs}). */
  private List<Resource> visibleGraphs(RepositoryConnection conn) {
    return graphs.apply(conn).stream().filter(g -> g instanceof IRI && !hidden.contains(g)).toList();
  }

  private void tuples(TupleQuery query, Preparer preparer, SparqlRequest request, long deadline,
      HttpServerResponse response, ResponseStream out) {
    boolean mayExceed = request.ownLimit() < 0 || request.ownLimit() > settings.maxRows();
    List<BindingSet> ahead = new ArrayList<>();
    try (TupleQueryResult result = query.evaluate()) {
      List<String> names = result.getBindingNames();
      while (mayExceed && ahead.size() < AHEAD && ahead.size() <= settings.maxRows() && result.hasNext()) {
        ahead.add(result.next());
      }
      if (!mayExceed || !result.hasNext() || ahead.size() > settings.maxRows()) {
        response.putHeader("X-Result-Truncated", String.valueOf(ahead.size() > settings.maxRows()));
        writeTuples(names, ahead, result, request.format(), out);
        return;
      }
      boolean truncated = countOn(result, ahead.size());
      response.putHeader("X-Result-Truncated", String.valueOf(truncated));
    }
    try (TupleQueryResult again = ((TupleQuery) preparer.prepare(deadline)).evaluate()) {
      writeTuples(again.getBindingNames(), List.of(), again, request.format(), out);
    }
  }

  /** Reads on without keeping rows; true when there are more than maxRows. */
  private boolean countOn(TupleQueryResult result, long seen) {
    long rows = seen;
    while (rows <= settings.maxRows() && result.hasNext()) {
      result.next();
      rows++;
    }
    return rows > settings.maxRows();
  }

  /** Writes the rows held, then the rest of the result, up to maxRows in all. */
  private void writeTuples(List<String> names, List<BindingSet> held, TupleQueryResult rest, ResultFormat format,
      ResponseStream out) {
    TupleQueryResultWriter writer = QueryResultIO.createTupleWriter(format.tupleFormat(), out);
    writer.startQueryResult(names);
    int rows = 0;
    for (BindingSet row : held) {
      if (rows == settings.maxRows()) {
        break;
      }
      writer.handleSolution(TripleStore.shown(row));
      rows++;
    }
    while (rows < settings.maxRows() && rest.hasNext()) {
      writer.handleSolution(TripleStore.shown(rest.next()));
      rows++;
    }
    writer.endQueryResult();
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
}
