package org.dpgfed.harvester.vocab;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Namespace;
import org.eclipse.rdf4j.model.base.InternedIRI;
import org.eclipse.rdf4j.model.util.Values;

/**
 * Constants for the shared vocabulary; {@code vocab/dpg.ttl} is the truth and a test keeps them in
 * step. Where a property shares its name with a class ({@code dpg:problem}, {@code dpg:Problem}), the
 * property's constant starts with {@code HAS_}.
 */
public final class DPG {
  public static final String NAMESPACE = "https://w3id.org/dpgfed/vocab#";
  public static final String PREFIX = "dpg";
  public static final Namespace NS = Values.namespace(PREFIX, NAMESPACE);

  // Product types (SKOS concepts of PRODUCT_TYPES, used as dct:type values)
  public static final IRI SOFTWARE = term("Software");
  public static final IRI DATA = term("Data");
  public static final IRI CONTENT = term("Content");
  public static final IRI STANDARD = term("Standard");
  public static final IRI AI_MODEL = term("AIModel");

  // Harvest bookkeeping (meta graph)
  public static final IRI SOURCE = term("Source");
  public static final IRI RUN = term("HarvestRun");
  public static final IRI PROBLEM = term("Problem");

  // Other classes
  public static final IRI SDG_RELEVANCE = term("SDGRelevance");
  public static final IRI ASSESSMENT = term("Assessment");
  public static final IRI PRODUCT_VERSION = term("ProductVersion");
  public static final IRI PRODUCT_REMOVAL = term("ProductRemoval");
  public static final IRI SEQUENCE = term("sequence");
  public static final IRI FEED_PAGE = term("feedPage");

  // Concept schemes
  public static final IRI PRODUCT_TYPES = term("productTypes");
  public static final IRI REVIEW_STAGES = term("reviewStages");
  public static final IRI INDICATORS = term("indicators");
  public static final IRI ANSWERS = term("answers");
  public static final IRI SECTORS = term("sectors");

  // Product description
  public static final IRI LICENSE_ID = term("licenseId");
  public static final IRI LICENSE_EVIDENCE = term("licenseEvidence");
  public static final IRI HAS_SDG_RELEVANCE = term("sdgRelevance");
  public static final IRI GOAL = term("goal");
  public static final IRI EVIDENCE_TEXT = term("evidenceText");
  public static final IRI EVIDENCE_URL = term("evidenceURL");
  public static final IRI STAGE = term("stage");
  public static final IRI IMPLEMENTER = term("implementer");
  public static final IRI DEVELOPMENT_COUNTRY = term("developmentCountry");
  public static final IRI DEPLOYMENT_COUNTRY = term("deploymentCountry");
  public static final IRI DEVELOPMENT_COUNTRY_LABEL = term("developmentCountryLabel");
  public static final IRI DEPLOYMENT_COUNTRY_LABEL = term("deploymentCountryLabel");
  public static final IRI SUPPORTS_STANDARD = term("supportsStandard");
  public static final IRI PRIVACY_COMPLIANCE = term("privacyCompliance");
  public static final IRI HAS_ASSESSMENT = term("assessment");
  public static final IRI INDICATOR = term("indicator");
  public static final IRI QUESTION = term("question");
  public static final IRI ANSWER = term("answer");
  public static final IRI ORIGINAL_SOURCE = term("originalSource");
  public static final IRI LICENSE_EXPRESSION = term("licenseExpression");
  public static final IRI FORMAT_VERSION = term("formatVersion");
  public static final IRI USED_BY = term("usedBy");
  public static final IRI DEVELOPMENT_STATUS = term("developmentStatus");
  public static final IRI SOFTWARE_TYPE = term("softwareType");
  public static final IRI MAINTENANCE_TYPE = term("maintenanceType");
  public static final IRI LOCALISATION_READY = term("localisationReady");
  public static final IRI SPATIAL_LABEL = term("spatialLabel");
  public static final IRI ACTIVE = term("active");
  public static final IRI LABOR_HOURS = term("laborHours");
  public static final IRI USAGE_TYPE = term("usageType");
  public static final IRI EXEMPTION_TEXT = term("exemptionText");

  // Reconciliation: the rule by which a record was matched to its product
  public static final IRI MATCHED_BY = term("matchedBy");
  public static final IRI MATCH_RULES = term("matchRules");
  public static final IRI MATCH_REPOSITORY = term("match-repository");
  public static final IRI MATCH_ALIAS = term("match-alias");
  public static final IRI MATCH_WEBSITE = term("match-website");
  public static final IRI MATCH_NAME = term("match-name");
  public static final IRI MATCH_ORGANISATION = term("match-organisation");
  public static final IRI MATCH_NONE = term("match-none");
  public static final IRI IDENTITY_STRING = term("identityString");
  public static final IRI ALIAS_STRING = term("aliasString");
  public static final IRI NAME_STRING = term("nameString");
  public static final IRI ORGANISATION_STRING = term("organisationString");

  // Review stages
  public static final IRI STAGE_DPG = term("stage-DPG");
  public static final IRI STAGE_NOMINEE = term("stage-nominee");
  public static final IRI STAGE_ARCHIVE = term("stage-archive");

  // DPG Standard indicators (9 has three parts)
  public static final IRI INDICATOR_1 = term("indicator-1");
  public static final IRI INDICATOR_2 = term("indicator-2");
  public static final IRI INDICATOR_3 = term("indicator-3");
  public static final IRI INDICATOR_4 = term("indicator-4");
  public static final IRI INDICATOR_5 = term("indicator-5");
  public static final IRI INDICATOR_6 = term("indicator-6");
  public static final IRI INDICATOR_7 = term("indicator-7");
  public static final IRI INDICATOR_8 = term("indicator-8");
  public static final IRI INDICATOR_9 = term("indicator-9");
  public static final IRI INDICATOR_9A = term("indicator-9a");
  public static final IRI INDICATOR_9B = term("indicator-9b");
  public static final IRI INDICATOR_9C = term("indicator-9c");

  // Answers to the indicators' questions
  public static final IRI YES = term("Yes");
  public static final IRI NO = term("No");
  public static final IRI UNKNOWN = term("Unknown");

  // Sources, runs and problems (meta graph)
  public static final IRI FORMAT = term("format");
  public static final IRI URL = term("url");
  public static final IRI SCHEDULE = term("schedule");
  public static final IRI COUNTRY = term("country");
  public static final IRI ENABLED = term("enabled");
  public static final IRI QUERY = term("query");
  public static final IRI STATUS = term("status");
  public static final IRI RECORDS = term("records");
  public static final IRI TRIPLES = term("triples");
  public static final IRI ADDED = term("added");
  public static final IRI REMOVED = term("removed");
  public static final IRI INVALID = term("invalid");
  public static final IRI ERROR = term("error");
  public static final IRI HAS_PROBLEM = term("problem");
  public static final IRI RECORD = term("record");
  public static final IRI FROM_CONFIG = term("fromConfig");
  public static final IRI SEVERITY = term("severity");
  public static final IRI PATH = term("path");
  public static final IRI MESSAGE = term("message");
  public static final IRI INDEX = term("index");
  public static final IRI CONTENT_HASH = term("contentHash");
  public static final IRI ETAG = term("etag");
  public static final IRI LAST_MODIFIED = term("lastModified");
  public static final IRI HTTP_STATUS = term("httpStatus");
  public static final IRI SOURCE_ID = term("sourceId");
  public static final IRI VALIDATION_REPORT = term("validationReport");
  public static final IRI FORMAT_CONSTRAINT_COMPONENT = term("FormatConstraintComponent");

  private DPG() {}

  /** A sector concept, {@code dpg:sector-{slug}}; the slugs of the DPGA's sectors are in dpg.ttl. */
  public static IRI sector(String slug) {
    return term("sector-" + slug);
  }

  static IRI term(String localName) {
    return new InternedIRI(NAMESPACE, localName);
  }
}
