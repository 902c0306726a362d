package org.dpgfed.harvester.web.ld;

import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.store.TripleStore;
import org.dpgfed.harvester.web.RdfBody;
import org.dpgfed.harvester.web.HttpError;
import org.dpgfed.harvester.web.sparql.ResultFormat;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.query.QueryResults;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/**
 * {@code GET /catalog?page=N}: the node as a DCAT-AP catalogue of all its products, 100 per page
 * in IRI order ({@link ProductOrder}), with Hydra links to the neighbouring pages. Each product is summarised (see
 * {@link DcatAp} for what the profile adds).
 */
public final class CatalogHandler implements Handler<RoutingContext> {
  static final int PAGE_SIZE = 100;
  private static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
  private static final List<IRI> SUMMARY = List.of(RDF.TYPE, DCTERMS.TITLE, DCTERMS.DESCRIPTION, DCTERMS.LICENSE,
      DCTERMS.TYPE, DCTERMS.SUBJECT, FOAF.HOMEPAGE, Values.iri("http://schema.org/codeRepository"));

  private final TripleStore store;
  private final WorkerExecutor workers;
  private final Iris iris;
  private final Config.Node node;
  private final ProductOrder order;

  public CatalogHandler(TripleStore store, WorkerExecutor workers, Iris iris, Config.Node node) {
    this.store = store;
    this.order = new ProductOrder(store, iris);
    this.workers = workers;
    this.iris = iris;
    this.node = node;
  }

  @Override
  public void handle(RoutingContext ctx) {
    int page = page(ctx.queryParams().get("page"));
    ResultFormat format = ResultFormat.negotiateRdf(ctx.request().getHeader("Accept"), "the catalogue");
    workers.executeBlocking(() -> {
          Model catalog = store.read(conn -> describe(conn, page));
          return Buffer.buffer(RdfBody.write(catalog, format.rdfFormat(), iris));
        }, false)
        .onSuccess(body -> ctx.response().putHeader("Content-Type", format.contentType()).putHeader("Vary", "Accept")
            .end(body))
        .onFailure(ctx::fail);
  }

  private static int page(String text) {
    if (text == null) {
      return 1;
    }
    try {
      int page = Integer.parseInt(text);
      if (page >= 1) {
        return page;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new HttpError(400, "page must be a whole number from 1");
  }

  private Model describe(RepositoryConnection conn, int page) {
    List<IRI> products = order.slice((long) (page - 1) * PAGE_SIZE, PAGE_SIZE + 1);
    Model m = new LinkedHashModel();
    m.setNamespace(DCAT.NS);
    m.setNamespace(DCTERMS.NS);
    m.setNamespace("hydra", HYDRA);
    m.setNamespace(FOAF.NS);
    IRI catalog = iris.catalog();
    m.add(catalog, RDF.TYPE, DCAT.CATALOG);
    m.add(catalog, DCTERMS.TITLE, Values.literal(node.title()));
    m.add(catalog, DCTERMS.DESCRIPTION, Values.literal(node.description()));
    DcatAp.publisher(m, catalog, node, iris);
    if (!node.dataLicense().isEmpty()) {
      m.add(catalog, DCTERMS.LICENSE, Values.iri(node.dataLicense()));
    }
    IRI view = pageIri(page);
    m.add(catalog, Values.iri(HYDRA, "view"), view);
    m.add(view, RDF.TYPE, Values.iri(HYDRA, "PartialCollectionView"));
    m.add(view, Values.iri(HYDRA, "first"), pageIri(1));
    if (page > 1) {
      m.add(view, Values.iri(HYDRA, "previous"), pageIri(page - 1));
    }
    if (products.size() > PAGE_SIZE) {
      m.add(view, Values.iri(HYDRA, "next"), pageIri(page + 1));
    }
    for (IRI product : products.subList(0, Math.min(PAGE_SIZE, products.size()))) {
      m.add(catalog, Values.iri(DCAT.NAMESPACE, "resource"), product);
      for (IRI property : SUMMARY) {
        QueryResults.asModel(conn.getStatements(product, property, null, false)).forEach(st ->
            m.add(st.getSubject(), st.getPredicate(), st.getObject()));
      }
      DcatAp.product(m, catalog, product);
    }
    DcatAp.linked(m);
    return m;
  }

  private IRI pageIri(int page) {
    return Values.iri(iris.base() + "/catalog?page=" + page);
  }
}
