package org.dpgfed.harvester.vocab;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;

/** The schema.org and ADMS terms adapters write; RDF4J ships no constants for them. */
public final class Schema {
  public static final String SCHEMA = "http://schema.org/";
  public static final String ADMS = "http://www.w3.org/ns/adms#";
  public static final String ADMS_STATUS = "http://purl.org/adms/status/";

  public static final IRI SOFTWARE_SOURCE_CODE = Values.iri(SCHEMA, "SoftwareSourceCode");
  public static final IRI SOFTWARE_APPLICATION = Values.iri(SCHEMA, "SoftwareApplication");
  public static final IRI CREATIVE_WORK = Values.iri(SCHEMA, "CreativeWork");
  public static final IRI DATASET = Values.iri(SCHEMA, "Dataset");
  public static final IRI NAME = Values.iri(SCHEMA, "name");
  public static final IRI DESCRIPTION = Values.iri(SCHEMA, "description");
  public static final IRI URL = Values.iri(SCHEMA, "url");
  public static final IRI LICENSE = Values.iri(SCHEMA, "license");
  public static final IRI IDENTIFIER = Values.iri(SCHEMA, "identifier");
  public static final IRI CODE_REPOSITORY = Values.iri(SCHEMA, "codeRepository");
  public static final IRI SOFTWARE_HELP = Values.iri(SCHEMA, "softwareHelp");
  public static final IRI SOFTWARE_VERSION = Values.iri(SCHEMA, "softwareVersion");
  public static final IRI OPERATING_SYSTEM = Values.iri(SCHEMA, "operatingSystem");
  public static final IRI PROGRAMMING_LANGUAGE = Values.iri(SCHEMA, "programmingLanguage");
  public static final IRI FEATURE_LIST = Values.iri(SCHEMA, "featureList");
  public static final IRI IN_LANGUAGE = Values.iri(SCHEMA, "inLanguage");
  public static final IRI IS_BASED_ON = Values.iri(SCHEMA, "isBasedOn");
  public static final IRI DOWNLOAD_URL = Values.iri(SCHEMA, "downloadUrl");
  public static final IRI KEYWORDS = Values.iri(SCHEMA, "keywords");
  public static final IRI MAINTAINER = Values.iri(SCHEMA, "maintainer");
  public static final IRI FUNDER = Values.iri(SCHEMA, "funder");
  public static final IRI PARENT_ORGANIZATION = Values.iri(SCHEMA, "parentOrganization");
  public static final IRI DATE_CREATED = Values.iri(SCHEMA, "dateCreated");
  public static final IRI DATE_MODIFIED = Values.iri(SCHEMA, "dateModified");

  public static final IRI ADMS_ASSET = Values.iri(ADMS, "Asset");
  public static final IRI ADMS_STATUS_PROPERTY = Values.iri(ADMS, "status");

  private Schema() {}

  /** An ADMS status concept: UnderDevelopment, Completed, Deprecated, Withdrawn. */
  public static IRI admsStatus(String name) {
    return Values.iri(ADMS_STATUS, name);
  }
}
