package org.dpgfed.harvester.source.rdf;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.dpgfed.harvester.source.AdaptedPage;
import org.dpgfed.harvester.source.AdapterException;
import org.dpgfed.harvester.source.Page;
import org.dpgfed.harvester.source.StreamingAdapter;

/**
 * A remote SPARQL endpoint: the source's CONSTRUCT is POSTed as {@code application/sparql-query}
 * (SPARQL 1.1 Protocol), N-Triples or Turtle is asked for, and the RDF that comes back is parsed
 * while it streams in, then read like any {@code rdf} source.
 */
public final class SparqlAdapter implements StreamingAdapter {
  @Override
  public String format() {
    return "sparql";
  }

  @Override
  public String accept() {
    return "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5, application/ld+json;q=0.5";
  }

  @Override
  public Optional<RequestBody> requestBody(String query) {
    return query == null || query.isBlank() ? Optional.empty()
        : Optional.of(new RequestBody("application/sparql-query", query.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public AdaptedPage adapt(String url, String contentType, InputStream body) throws AdapterException {
    return AdaptedPage.single(Products.of(RdfSyntax.parse(url, contentType, body)));
  }

  @Override
  public AdaptedPage adapt(Page page) throws AdapterException {
    return AdaptedPage.single(Products.of(RdfSyntax.parse(page)));
  }
}
