package org.dpgfed.harvester.web.sparql;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.web.ConNeg;
import org.dpgfed.harvester.web.HttpError;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.query.MalformedQueryException;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.algebra.QueryRoot;
import org.eclipse.rdf4j.query.algebra.Slice;
import org.eclipse.rdf4j.query.algebra.TupleExpr;
import org.eclipse.rdf4j.query.impl.SimpleDataset;
import org.eclipse.rdf4j.query.parser.ParsedBooleanQuery;
import org.eclipse.rdf4j.query.parser.ParsedGraphQuery;
import org.eclipse.rdf4j.query.parser.ParsedOperation;
import org.eclipse.rdf4j.query.parser.ParsedQuery;
import org.eclipse.rdf4j.query.parser.ParsedUpdate;
import org.eclipse.rdf4j.query.parser.QueryParserUtil;

/**
 * A SPARQL protocol request, parsed and checked in full before any evaluation starts: where the
 * query came from, its form, the result format and the dataset.
 *
 * @param parsed the query as parsed here, so evaluation need not parse it again (evaluation may rewrite it)
 * @param dataset the graphs named by default-graph-uri / named-graph-uri, or null for the node's default
 * @param ownLimit the query's own top-level LIMIT, or -1 when it has none
 */
record SparqlRequest(String query, ParsedQuery parsed, ResultFormat.Form form, ResultFormat format, SimpleDataset dataset,
    long ownLimit) {
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String QUERY = "application/sparql-query";
  private static final String UPDATE = "application/sparql-update";

  /** Reads the request; null when it is a GET without a query (the service description). */
  static SparqlRequest parse(RoutingContext ctx, String baseIri, Config.Sparql settings) {
    MultiMap params = params(ctx);
    if (params.contains("update")) {
      throw readOnly();
    }
    String query = switch (ctx.request().method().name()) {
      case "GET" -> single(params, "query", false);
      case "POST" -> fromPost(ctx, params);
      default -> throw new HttpError(405, "use GET or POST");
    };
    if (query == null) {
      return null;
    }
    if (query.length() > settings.maxQueryLength()) {
      throw new HttpError(400, "the query has " + query.length() + " characters; this endpoint takes at most "
          + settings.maxQueryLength() + " (sparql.maxQueryLength)");
    }
    ParsedOperation operation = parseOperation(query, baseIri);
    ServiceCheck.check(operation, settings.federationPeers());
    ResultFormat.Form form = form(operation);
    return new SparqlRequest(query, (ParsedQuery) operation, form, format(ctx, params, form), dataset(params),
        ownLimit(operation));
  }

  private static MultiMap params(RoutingContext ctx) {
    try {
      return ctx.queryParams();
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, "the query string is not well formed");
    }
  }

  private static String fromPost(RoutingContext ctx, MultiMap params) {
    String contentType = mediaType(ctx.request().getHeader("Content-Type"));
    if (contentType.equals(UPDATE)) {
      throw readOnly();
    }
    if (contentType.equals(FORM)) {
      MultiMap form = formAttributes(ctx);
      if (form.contains("update")) {
        throw readOnly();
      }
      params.addAll(form);
      return single(params, "query", true);
    }
    if (contentType.equals(QUERY)) {
      String body = ctx.body() == null ? null : ctx.body().asString("UTF-8");
      if (body == null || body.isBlank()) {
        throw new HttpError(400, "the POST has no query in its body");
      }
      return body;
    }
    throw new HttpError(415, "send the query as " + QUERY + " or " + FORM + ", not '" + contentType + "'");
  }

  private static MultiMap formAttributes(RoutingContext ctx) {
    try {
      return ctx.request().formAttributes();
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, "the form body is not well formed");
    }
  }

  private static String single(MultiMap params, String name, boolean required) {
    List<String> values = params.getAll(name);
    if (values.size() > 1) {
      throw new HttpError(400, "give one '" + name + "' parameter, not " + values.size());
    }
    if (values.isEmpty() || values.get(0).isBlank()) {
      if (required) {
        throw new HttpError(400, "the request has no query (parameter 'query')");
      }
      return null;
    }
    return values.get(0);
  }

  private static HttpError readOnly() {
    return new HttpError(403, "this endpoint is read-only: SPARQL updates are not accepted");
  }

  private static ParsedOperation parseOperation(String query, String baseIri) {
    ParsedOperation operation;
    try {
      operation = QueryParserUtil.parseOperation(QueryLanguage.SPARQL, query, baseIri);
    } catch (MalformedQueryException | IllegalArgumentException e) {
      throw new HttpError(400, "unparsable query: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim());
    }
    if (operation instanceof ParsedUpdate) {
      throw readOnly();
    }
    return operation;
  }

  private static ResultFormat.Form form(ParsedOperation operation) {
    if (operation instanceof ParsedBooleanQuery) {
      return ResultFormat.Form.BOOLEAN;
    }
    return operation instanceof ParsedGraphQuery ? ResultFormat.Form.GRAPH : ResultFormat.Form.TUPLE;
  }

  /** The LIMIT of the outermost query, which bounds its rows; -1 when there is none. */
  private static long ownLimit(ParsedOperation operation) {
    if (operation instanceof ParsedQuery parsed) {
      TupleExpr root = parsed.getTupleExpr();
      if (root instanceof QueryRoot queryRoot) {
        root = queryRoot.getArg();
      }
      if (root instanceof Slice slice && slice.hasLimit()) {
        return slice.getLimit();
      }
    }
    return -1;
  }

  private static ResultFormat format(RoutingContext ctx, MultiMap params, ResultFormat.Form form) {
    String name = single(params, "format", false);
    if (name != null) {
      ResultFormat format = ResultFormat.byName(name).orElseThrow(() -> new HttpError(400,
          "unknown format '" + name + "'; one of json xml csv tsv turtle ntriples jsonld rdfxml nquads trig"));
      if (!format.serves(form)) {
        throw new HttpError(406, "format '" + name + "' does not fit a " + form.name().toLowerCase() + " query");
      }
      return format;
    }
    String chosen = ConNeg.choose(ctx.request().getHeader("Accept"), ResultFormat.mediaTypes(form))
        .orElseThrow(() -> new HttpError(406, "no acceptable format; this query can answer in "
            + String.join(", ", ResultFormat.mediaTypes(form))));
    return ResultFormat.byMediaType(chosen).orElseThrow();
  }

  private static SimpleDataset dataset(MultiMap params) {
    List<String> defaults = params.getAll("default-graph-uri");
    List<String> named = params.getAll("named-graph-uri");
    if (defaults.isEmpty() && named.isEmpty()) {
      return null;
    }
    SimpleDataset dataset = new SimpleDataset();
    try {
      defaults.forEach(iri -> dataset.addDefaultGraph(Values.iri(iri)));
      named.forEach(iri -> dataset.addNamedGraph(Values.iri(iri)));
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, "default-graph-uri and named-graph-uri take absolute IRIs: " + e.getMessage());
    }
    return dataset;
  }

  static String mediaType(String header) {
    return header == null ? "" : header.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
  }
}
