package org.dpgfed.harvester.source.rdf;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.dpgfed.harvester.source.AdaptedPage;
import org.dpgfed.harvester.source.AdapterException;
import org.dpgfed.harvester.source.Page;
import org.dpgfed.harvester.source.SourceAdapter;

/**
 * A remote SPARQL endpoint: the source's CONSTRUCT is sent with the request (SPARQL 1.1 Protocol,
 * query via GET), and the RDF that comes back is read like any {@code rdf} source.
 */
public final class SparqlAdapter implements SourceAdapter {
  @Override
  public String format() {
    return "sparql";
  }

  @Override
  public String accept() {
    return "text/turtle, application/n-triples;q=0.9, application/rdf+xml;q=0.8, application/ld+json;q=0.8";
  }

  @Override
  public String firstPageUrl(String url, String query) {
    if (query == null || query.isBlank()) {
      return url;
    }
    String separator = url.contains("?") ? "&" : "?";
    return url + separator + "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  @Override
  public AdaptedPage adapt(Page page) throws AdapterException {
    return AdaptedPage.single(Products.of(RdfSyntax.parse(page)));
  }
}
