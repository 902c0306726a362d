package org.dpgfed.harvester.source.publiccode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.dpgfed.harvester.source.Dates;
import org.dpgfed.harvester.source.Draft;
import org.dpgfed.harvester.source.Licences;
import org.dpgfed.harvester.source.Text;
import org.dpgfed.harvester.source.Urls;
import org.dpgfed.harvester.vocab.DPG;
import org.dpgfed.harvester.vocab.Schema;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;

/**
 * The top-level keys of a publiccode.yml. Keys renamed or removed between spec versions are read
 * in every version's spelling; unknown keys are ignored. Personal contacts are kept apart (see Draft#contact).
 */
final class Publiccode {
  /** developmentStatus to ADMS status (Joinup's publiccode-to-ADMS mapping). */
  private static final Map<String, String> STATUS = Map.of("concept", "UnderDevelopment",
      "development", "UnderDevelopment", "beta", "UnderDevelopment", "stable", "Completed", "obsolete", "Deprecated");

  private Publiccode() {}

  /**
   * @param yml the parsed file
   * @param at where the file is in the page ("" or "/publiccodeYml"), for problem paths
   */
  static void map(JsonNode yml, String at, Draft draft) {
    draft.product(RDF.TYPE, DCAT.RESOURCE);
    draft.product(RDF.TYPE, Schema.ADMS_ASSET);
    draft.product(RDF.TYPE, Schema.SOFTWARE_SOURCE_CODE);
    draft.product(DCTERMS.TYPE, DPG.SOFTWARE);
    Text.field(yml, "publiccodeYmlVersion").ifPresentOrElse(
        v -> draft.add(AdaptedRecord.RECORD, DPG.FORMAT_VERSION, Values.literal(v)),
        () -> draft.warn(at + "/publiccodeYmlVersion", "the file does not say which publiccode.yml version it follows"));
    identity(yml, at, draft);
    release(yml, at, draft);
    licence(yml.path("legal"), at + "/legal", draft);
    Descriptions.map(yml.path("description"), at + "/description", draft);
    Audience.map(yml, at, draft);
  }

  private static void identity(JsonNode yml, String at, Draft draft) {
    Optional<String> name = Text.field(yml, "name");
    name.ifPresentOrElse(n -> {
      draft.product(DCTERMS.TITLE, Values.literal(n));
      draft.product(Schema.NAME, Values.literal(n));
    }, () -> draft.violation(at + "/name", "the file has no name"));
    Text.field(yml, "url").ifPresentOrElse(url -> draft.codeRepository(url, at + "/url"),
        () -> draft.warn(at + "/url", "the file has no repository url"));
    for (String key : new String[] {"landingURL", "landingUrl"}) {
      Text.field(yml, key).ifPresent(url -> draft.homepage(url, at + "/" + key));
    }
    for (Text.Item based : Text.items(yml.get("isBasedOn"))) {
      Urls.link(based.text()).ifPresent(u -> draft.product(Schema.IS_BASED_ON, Values.iri(u)));
    }
  }

  private static void release(JsonNode yml, String at, Draft draft) {
    Text.field(yml, "softwareVersion").ifPresent(v -> draft.product(Schema.SOFTWARE_VERSION, Values.literal(v)));
    Text.field(yml, "releaseDate").ifPresent(d -> Dates.literal(d).ifPresentOrElse(
        date -> draft.product(DCTERMS.MODIFIED, date),
        () -> draft.warn(at + "/releaseDate", "'" + d + "' is not a date; dropped")));
    Text.list(yml.get("platforms")).forEach(p -> draft.product(Schema.OPERATING_SYSTEM, Values.literal(p)));
    Text.list(yml.get("categories")).forEach(c -> draft.product(DCAT.KEYWORD, Values.literal(c)));
    Text.field(yml, "softwareType").ifPresent(t -> draft.product(DPG.SOFTWARE_TYPE, Values.literal(t)));
    Text.field(yml, "developmentStatus").ifPresent(status -> {
      draft.product(DPG.DEVELOPMENT_STATUS, Values.literal(status));
      String adms = STATUS.get(status.toLowerCase(Locale.ROOT));
      if (adms == null) {
        draft.warn(at + "/developmentStatus", "unknown development status '" + status + "'; kept as written only");
      } else {
        draft.product(Schema.ADMS_STATUS_PROPERTY, Schema.admsStatus(adms));
      }
    });
  }

  /** {@code legal.license} is an SPDX expression; each licence it names becomes a {@code dct:license}. */
  private static void licence(JsonNode legal, String at, Draft draft) {
    Optional<String> expression = Text.field(legal, "license");
    if (expression.isEmpty()) {
      draft.warn(at + "/license", "the file names no licence");
      return;
    }
    draft.product(DPG.LICENSE_EXPRESSION, Values.literal(expression.get()));
    Licences.Reading reading = Licences.read(expression.get());
    reading.ids().forEach(id -> draft.product(DCTERMS.LICENSE, Licences.iri(id)));
    reading.unknown().forEach(u -> draft.warn(at + "/license", "'" + u + "' is not an SPDX licence id; dropped"));
    Text.field(legal, "mainCopyrightOwner").ifPresent(owner -> {
      IRI agent = org.eclipse.rdf4j.model.vocabulary.FOAF.AGENT;
      var node = draft.node(agent);
      draft.add(node, org.eclipse.rdf4j.model.vocabulary.FOAF.NAME, Values.literal(owner));
      draft.product(DCTERMS.RIGHTS_HOLDER, node);
    });
  }
}
