package org.dpgfed.harvester.web.sparql;

import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.vocabulary.PROV;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.store.TripleStore;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.SD;
import org.eclipse.rdf4j.rio.Rio;

/** The SPARQL Service Description answered by {@code GET /sparql} without a query. */
public final class ServiceDescription implements Handler<RoutingContext> {
  private static final String FORMATS = "http://www.w3.org/ns/formats/";
  private static final IRI VOID_TRIPLES = Values.iri("http://rdfs.org/ns/void#triples");
  private static final IRI VOID_ENTITIES = Values.iri("http://rdfs.org/ns/void#entities");

  private final TripleStore store;
  private final java.util.Set<Resource> hidden;
  private final WorkerExecutor workers;
  private final Iris iris;
  private final Config.Node node;

  public ServiceDescription(TripleStore store, WorkerExecutor workers, Iris iris, Config.Node node,
      java.util.Set<Resource> hidden) {
    this.hidden = hidden;
    this.store = store;
    this.workers = workers;
    this.iris = iris;
    this.node = node;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ResultFormat format = ResultFormat.negotiateRdf(ctx.request().getHeader("Accept"), "the service description");
    workers.executeBlocking(() -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          Rio.write(describe(), out, format.rdfFormat());
          return out.toByteArray();
        }, false)
        .onSuccess(bytes -> ctx.response().putHeader("Content-Type", format.contentType()).putHeader("Vary", "Accept")
            .end(io.vertx.core.buffer.Buffer.buffer(bytes)))
        .onFailure(ctx::fail);
  }

  Model describe() {
    Model m = new LinkedHashModel();
    m.setNamespace(SD.NS);
    m.setNamespace(DCTERMS.NS);
    IRI endpoint = Values.iri(iris.base() + "/sparql");
    Resource service = Values.iri(iris.base() + "/sparql#service");
    m.add(service, RDF.TYPE, SD.SERVICE);
    m.add(service, SD.ENDPOINT, endpoint);
    m.add(service, DCTERMS.TITLE, Values.literal(node.title()));
    if (!node.description().isEmpty()) {
      m.add(service, DCTERMS.DESCRIPTION, Values.literal(node.description()));
    }
    if (!node.publisher().isEmpty()) {
      m.add(service, DCTERMS.PUBLISHER, Values.literal(node.publisher()));
    }
    if (!node.contactEmail().isEmpty()) {
      m.add(service, org.eclipse.rdf4j.model.vocabulary.DCAT.CONTACT_POINT, Values.iri("mailto:" + node.contactEmail()));
    }
    if (!node.dataLicense().isEmpty()) {
      m.add(service, DCTERMS.LICENSE, Values.iri(node.dataLicense()));
    }
    m.add(service, SD.SUPPORTED_LANGUAGE, SD.SPARQL_11_QUERY);
    m.add(service, SD.FEATURE_PROPERTY, SD.UNION_DEFAULT_GRAPH);
    for (String name : List.of("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
        "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "N-Quads", "TriG")) {
      m.add(service, SD.RESULT_FORMAT, Values.iri(FORMATS + name));
    }
    BNode dataset = Values.bnode();
    BNode defaultGraph = Values.bnode();
    m.add(service, SD.DEFAULT_DATASET, dataset);
    m.add(dataset, RDF.TYPE, SD.DATASET);
    m.add(dataset, SD.DEFAULT_GRAPH, defaultGraph);
    m.add(defaultGraph, RDF.TYPE, SD.GRAPH_CLASS);
    store.read(conn -> {
      long total = 0;
      Map<Resource, Literal> harvested = lastHarvests(conn);
      for (Resource graph : store.graphs(conn).stream().filter(g -> !hidden.contains(g)).toList()) {
        BNode named = Values.bnode();
        BNode described = Values.bnode();
        long triples = store.counts().triples(graph);
        total += triples;
        m.add(dataset, SD.NAMED_GRAPH_PROPERTY, named);
        m.add(named, SD.NAME, graph);
        m.add(named, SD.GRAPH_PROPERTY, described);
        m.add(described, RDF.TYPE, SD.GRAPH_CLASS);
        m.add(described, VOID_TRIPLES, Values.literal(triples));
        if (graph.stringValue().startsWith(iris.sourceGraphPrefix())) {
          m.add(described, VOID_ENTITIES, Values.literal(store.counts().products((IRI) graph)));
          Literal last = harvested.get(iris.source(graph.stringValue().substring(iris.sourceGraphPrefix().length())));
          if (last != null) {
            m.add(described, DCTERMS.MODIFIED, last);
          }
        }
      }
      m.add(defaultGraph, VOID_TRIPLES, Values.literal(total));
      return null;
    });
    return m;
  }

  /** When each source's last successful (or unchanged) run ended, read from the meta graph. */
  private Map<Resource, Literal> lastHarvests(RepositoryConnection conn) {
    String query = "SELECT ?source (MAX(?end) AS ?last) WHERE { GRAPH <" + iris.metaGraph() + "> { ?run <"
        + PROV.USED + "> ?source ; <" + PROV.ENDED_AT_TIME + "> ?end ; <https://w3id.org/dpgfed/vocab#status> ?status "
        + "FILTER(?status IN (\"succeeded\", \"unchanged\")) } } GROUP BY ?source";
    Map<Resource, Literal> last = new HashMap<>();
    try (var result = conn.prepareTupleQuery(QueryLanguage.SPARQL, query).evaluate()) {
      result.forEach(row -> last.put((Resource) row.getValue("source"), (Literal) row.getValue("last")));
    }
    return last;
  }
}
