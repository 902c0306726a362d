package org.dpgfed.harvester.web.ld;

import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dpgfed.harvester.feed.FeedPages;
import org.eclipse.rdf4j.model.Resource;
import java.util.regex.Pattern;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.store.TripleStore;
import org.dpgfed.harvester.web.ConNeg;
import org.dpgfed.harvester.web.HttpError;
import org.dpgfed.harvester.web.RdfBody;
import org.dpgfed.harvester.web.sparql.ResultFormat;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.OWL;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.query.QueryResults;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.model.vocabulary.PROV;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.RDFS;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.eclipse.rdf4j.model.vocabulary.XSD;

/**
 * {@code GET /id/...}: every IRI the node mints answers with its description, as a page for
 * browsers or in any RDF format, by content negotiation. 404 for an IRI never minted; 301 to the
 * winner for a product IRI that lost a merge.
 */
public final class ResourceHandler implements Handler<RoutingContext> {
  private static final String HTML = "text/html";
  private static final Pattern PATH = Pattern.compile("/id/[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+){1,3}");

  private static final Pattern VERSION = Pattern.compile("/id/product/[0-9a-f]{16}/version/[0-9]+");

  private final TripleStore store;
  private final Describer describer;
  private final WorkerExecutor workers;
  private final Iris iris;
  private final FeedPages feed;

  public ResourceHandler(TripleStore store, WorkerExecutor workers, Iris iris, FeedPages feed) {
    this.store = store;
    this.describer = new Describer(store, iris.hiddenGraphs());
    this.workers = workers;
    this.iris = iris;
    this.feed = feed;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.request().path();
    if (!PATH.matcher(path).matches()) {
      throw new HttpError(404, "no resource at " + path);
    }
    String mediaType = ConNeg.choose(ctx.request().getHeader("Accept"), offered())
        .orElseThrow(() -> new HttpError(406, "ask for HTML or one of " + ResultFormat.mediaTypes(ResultFormat.Form.GRAPH)));
    IRI subject = Values.iri(iris.base() + path);
    boolean version = VERSION.matcher(path).matches();
    workers.executeBlocking(() -> render(subject, mediaType, version ? versionOf(subject) : describe(subject)), false)
        .onSuccess(body -> ctx.response().putHeader("Content-Type", mediaType + "; charset=utf-8")
            .putHeader("Vary", "Accept").end(body))
        .onFailure(ctx::fail);
  }

  private static List<String> offered() {
    List<String> types = new ArrayList<>(ResultFormat.mediaTypes(ResultFormat.Form.GRAPH));
    types.add(HTML);
    return types;
  }

  /** A current resource; a product no source lists any more is gone (410), pointing at its last version. */
  private Model describe(IRI subject) {
    Optional<Resource> winner = store.read(conn -> mergedInto(conn, subject));
    if (winner.isPresent()) {
      throw new HttpError(301, subject + " was merged into " + winner.get(),
          Map.of("Location", winner.get().stringValue()));
    }
    Model description = describer.describe(subject);
    if (description.isEmpty()) {
      Optional<Resource> last = store.read(conn -> feed.latestMember(conn, subject));
      throw last.<HttpError>map(v -> new HttpError(410, "no source lists " + subject + " any more",
              Map.of("Link", "<" + v.stringValue() + ">; rel=\"latest-version\"")))
          .orElseGet(() -> new HttpError(404, "the node never minted " + subject));
    }
    return description;
  }

  /** The product a product IRI lost a merge to, when no record lists it any more. */
  private Optional<Resource> mergedInto(RepositoryConnection conn, IRI subject) {
    if (!subject.stringValue().startsWith(iris.product("").stringValue())
        || conn.hasStatement(null, FOAF.PRIMARY_TOPIC, subject, false)) {
      return Optional.empty();
    }
    return Models.subject(QueryResults.asModel(conn.getStatements(null, OWL.SAMEAS, subject, false, iris.metaGraph())));
  }

  private Model versionOf(IRI member) {
    Model description = new LinkedHashModel();
    store.read(conn -> {
      feed.describeMember(conn, member, description);
      return null;
    });
    if (description.isEmpty()) {
      throw new HttpError(404, "the feed has no member " + member);
    }
    return description;
  }

  private Buffer render(IRI subject, String mediaType, Model description) {
    if (mediaType.equals(HTML)) {
      return Buffer.buffer(HtmlPage.render(subject, description));
    }
    ResultFormat format = ResultFormat.byMediaType(mediaType).orElseThrow();
    for (var ns : List.of(DCTERMS.NS, DCAT.NS, FOAF.NS, PROV.NS, RDF.NS, RDFS.NS, SKOS.NS, XSD.NS,
        Values.namespace("dpg", "https://w3id.org/dpgfed/vocab#"), Values.namespace("schema", "http://schema.org/"),
        Values.namespace("sdg", "http://metadata.un.org/sdg/"), Values.namespace("spdx", "http://spdx.org/licenses/"),
        Values.namespace("country", "http://publications.europa.eu/resource/authority/country/"))) {
      description.setNamespace(ns);
    }
    boolean quads = format == ResultFormat.NQUADS || format == ResultFormat.TRIG;
    return Buffer.buffer(RdfBody.write(quads ? description : triples(description), format.rdfFormat(), iris));
  }

  /** The description without graph names, for the formats that carry triples only (and JSON-LD). */
  private static Model triples(Model quads) {
    Model triples = new LinkedHashModel(quads.getNamespaces());
    quads.forEach(st -> triples.add(st.getSubject(), st.getPredicate(), st.getObject()));
    return triples;
  }
}
