package org.dpgfed.harvester.web.ld;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.model.Iris;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;

/**
 * What DCAT-AP 3.0 asks of a catalogue page beyond the products' own statements: a publisher that
 * is a named {@code foaf:Agent}, licences typed {@code dct:LicenseDocument}, product types that are
 * labelled {@code skos:Concept}s, and {@code dcat:Dataset} only for products with the title and
 * description a DCAT-AP dataset must have (every product is a {@code dcat:Resource}).
 */
final class DcatAp {
  private static final Model VOCABULARY = load();

  private DcatAp() {}

  /** The node, as the catalogue's publisher: {@code node.publisher}, else the node's title. */
  static void publisher(Model m, IRI catalog, Config.Node node, Iris iris) {
    IRI publisher = Values.iri(iris.catalog().stringValue() + "#publisher");
    m.add(catalog, DCTERMS.PUBLISHER, publisher);
    m.add(publisher, RDF.TYPE, FOAF.AGENT);
    m.add(publisher, FOAF.NAME, Values.literal(node.publisher().isEmpty() ? node.title() : node.publisher()));
  }

  /** Brings one product's summary in line: its class, and product types the vocabulary labels. */
  static void product(Model m, IRI catalog, IRI product) {
    m.add(product, RDF.TYPE, DCAT.RESOURCE);
    for (Statement st : List.copyOf(m.filter(product, DCTERMS.TYPE, null))) {
      if (!(st.getObject() instanceof IRI type) || !VOCABULARY.contains(type, RDF.TYPE, SKOS.CONCEPT)) {
        m.remove(st);
      }
    }
    boolean dataset = m.contains(product, RDF.TYPE, DCAT.DATASET);
    if (dataset && m.contains(product, DCTERMS.TITLE, null) && m.contains(product, DCTERMS.DESCRIPTION, null)) {
      m.add(catalog, DCAT.HAS_DATASET, product);
    } else if (dataset) {
      m.remove(product, RDF.TYPE, DCAT.DATASET);
    }
  }

  /** Types every licence and describes every product type the page names. */
  static void linked(Model m) {
    for (Value licence : List.copyOf(m.filter(null, DCTERMS.LICENSE, null).objects())) {
      if (licence instanceof IRI iri) {
        m.add(iri, RDF.TYPE, DCTERMS.LICENSE_DOCUMENT);
      }
    }
    for (Value type : List.copyOf(m.filter(null, DCTERMS.TYPE, null).objects())) {
      if (type instanceof IRI concept) {
        m.add(concept, RDF.TYPE, SKOS.CONCEPT);
        VOCABULARY.filter(concept, SKOS.PREF_LABEL, null).forEach(m::add);
      }
    }
  }

  private static Model load() {
    try (InputStream in = DcatAp.class.getResourceAsStream("/vocab/dpg.ttl")) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks vocab/dpg.ttl");
      }
      return Rio.parse(in, RDFFormat.TURTLE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
