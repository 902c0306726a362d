package org.dpgfed.harvester.source.rdf;

import org.dpgfed.harvester.source.AdaptedPage;
import org.dpgfed.harvester.source.AdapterException;
import org.dpgfed.harvester.source.Page;
import org.dpgfed.harvester.source.SourceAdapter;

/**
 * DCAT, DCAT-AP, ADMS, schema.org or CodeMeta in Turtle, RDF/XML, JSON-LD, N-Triples, N-Quads or
 * TriG. Each dataset, asset or piece of software is a record; quads lose their graph (everything a
 * source says goes into the source's graph). Not paged.
 */
public final class RdfAdapter implements SourceAdapter {
  @Override
  public String format() {
    return "rdf";
  }

  @Override
  public String accept() {
    return "text/turtle, application/ld+json;q=0.9, application/rdf+xml;q=0.9, application/trig;q=0.8, "
        + "application/n-quads;q=0.8, application/n-triples;q=0.8, */*;q=0.1";
  }

  @Override
  public AdaptedPage adapt(Page page) throws AdapterException {
    return AdaptedPage.single(Products.of(RdfSyntax.parse(page)));
  }
}
