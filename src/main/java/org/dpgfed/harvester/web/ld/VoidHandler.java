package org.dpgfed.harvester.web.ld;

import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.Date;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.registry.Run;
import org.dpgfed.harvester.registry.RunLog;
import org.dpgfed.harvester.registry.RunStatus;
import org.dpgfed.harvester.registry.Source;
import org.dpgfed.harvester.registry.SourceRegistry;
import org.dpgfed.harvester.store.TripleStore;
import org.dpgfed.harvester.web.RdfBody;
import org.dpgfed.harvester.web.sparql.ResultFormat;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;

/** {@code GET /.well-known/void}: the node's datasets with live statistics, one subset per source. */
public final class VoidHandler implements Handler<RoutingContext> {
  private static final String VOID = "http://rdfs.org/ns/void#";

  private final TripleStore store;
  private final WorkerExecutor workers;
  private final Iris iris;
  private final Config.Node node;
  private final SourceRegistry sources;
  private final RunLog runs;

  public VoidHandler(TripleStore store, WorkerExecutor workers, Iris iris, Config.Node node, SourceRegistry sources,
      RunLog runs) {
    this.store = store;
    this.workers = workers;
    this.iris = iris;
    this.node = node;
    this.sources = sources;
    this.runs = runs;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ResultFormat format = ResultFormat.negotiateRdf(ctx.request().getHeader("Accept"), "the VoID description");
    workers.executeBlocking(() -> {
          Model description = describe();
          return Buffer.buffer(RdfBody.write(description, format.rdfFormat(), iris));
        }, false)
        .onSuccess(body -> ctx.response().putHeader("Content-Type", format.contentType()).putHeader("Vary", "Accept")
            .end(body))
        .onFailure(ctx::fail);
  }

  private Model describe() {
    Model m = new LinkedHashModel();
    m.setNamespace("void", VOID);
    m.setNamespace(DCTERMS.NS);
    IRI dataset = Values.iri(iris.base() + "/.well-known/void#node");
    m.add(dataset, RDF.TYPE, term("Dataset"));
    m.add(dataset, DCTERMS.TITLE, Values.literal(node.title()));
    m.add(dataset, DCTERMS.DESCRIPTION, Values.literal(node.description()));
    if (!node.dataLicense().isEmpty()) {
      m.add(dataset, DCTERMS.LICENSE, Values.iri(node.dataLicense()));
    }
    m.add(dataset, term("sparqlEndpoint"), Values.iri(iris.base() + "/sparql"));
    m.add(dataset, term("rootResource"), iris.catalog());
    m.add(dataset, term("vocabulary"), Values.iri("https://w3id.org/dpgfed/vocab#"));
    long total = 0;
    for (Source source : sources.list()) {
      IRI graph = iris.sourceGraph(source.id());
      long triples = store.counts().triples(graph);
      total += triples;
      m.add(dataset, term("subset"), graph);
      m.add(graph, RDF.TYPE, term("Dataset"));
      m.add(graph, DCTERMS.TITLE, Values.literal(source.title()));
      m.add(graph, DCTERMS.SOURCE, iris.source(source.id()));
      m.add(graph, term("triples"), Values.literal(triples));
      m.add(graph, term("entities"), Values.literal(store.counts().products(graph)));
      runs.runsOf(source.id()).stream()
          .filter(r -> r.status() == RunStatus.SUCCEEDED || r.status() == RunStatus.UNCHANGED)
          .map(Run::finishedAt).findFirst()
          .ifPresent(at -> m.add(graph, DCTERMS.MODIFIED, Values.literal(Date.from(at))));
    }
    m.add(dataset, term("triples"), Values.literal(total + store.counts().triples(iris.metaGraph())));
    return m;
  }



  private static IRI term(String local) {
    return Values.iri(VOID, local);
  }
}
