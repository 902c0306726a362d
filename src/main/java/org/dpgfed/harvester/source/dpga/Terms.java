package org.dpgfed.harvester.source.dpga;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;

/**
 * The schema.org and ADMS terms this format writes; RDF4J ships no constants for them. (When a
 * second adapter needs them they belong in the vocab package.)
 */
final class Terms {
  static final String SCHEMA = "http://schema.org/";
  static final IRI SOFTWARE_SOURCE_CODE = Values.iri(SCHEMA, "SoftwareSourceCode");
  static final IRI CREATIVE_WORK = Values.iri(SCHEMA, "CreativeWork");
  static final IRI NAME = Values.iri(SCHEMA, "name");
  static final IRI CODE_REPOSITORY = Values.iri(SCHEMA, "codeRepository");
  static final IRI SOFTWARE_HELP = Values.iri(SCHEMA, "softwareHelp");
  static final IRI MAINTAINER = Values.iri(SCHEMA, "maintainer");
  static final IRI FUNDER = Values.iri(SCHEMA, "funder");

  static final IRI ADMS_ASSET = Values.iri("http://www.w3.org/ns/adms#", "Asset");

  private Terms() {}
}
