package org.dpgfed.harvester.source.codejson;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.dpgfed.harvester.source.Dates;
import org.dpgfed.harvester.source.Draft;
import org.dpgfed.harvester.source.Text;
import org.dpgfed.harvester.source.Urls;
import org.dpgfed.harvester.vocab.DPG;
import org.dpgfed.harvester.vocab.Schema;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.XSD;

/**
 * One release (2.0.0), project (1.0.x) or per-repository code.json. code.json has no ids: a record
 * is named by its repository, else by its name. {@code contact} may name a person and is never read.
 */
final class Release {
  private Release() {}

  static AdaptedRecord map(JsonNode release, String pointer, Optional<String> agency, Optional<String> version) {
    Optional<String> repository = Text.field(release, "repositoryURL").or(() -> Text.field(release, "repository"));
    Optional<String> name = Text.field(release, "name");
    boolean identified = repository.flatMap(Urls::repository).filter(u -> !Urls.ownerOnly(u)).isPresent();
    Draft draft = new Draft(identified ? null : name.orElse(null), pointer); // an account-only URL identifies nothing
    draft.product(RDF.TYPE, DCAT.RESOURCE);
    draft.product(RDF.TYPE, Schema.ADMS_ASSET);
    draft.product(RDF.TYPE, Schema.SOFTWARE_SOURCE_CODE);
    draft.product(DCTERMS.TYPE, DPG.SOFTWARE);
    version.ifPresent(v -> draft.add(AdaptedRecord.RECORD, DPG.FORMAT_VERSION, Values.literal(v)));
    name.ifPresentOrElse(n -> {
      draft.product(DCTERMS.TITLE, Values.literal(n));
      draft.product(Schema.NAME, Values.literal(n));
    }, () -> draft.violation("/name", "the release has no name"));
    describe(release, draft);
    repository.ifPresent(r -> draft.codeRepository(r, "/repositoryURL"));
    Text.field(release, "homepageURL").or(() -> Text.field(release, "homepage"))
        .ifPresent(h -> draft.homepage(h, "/homepageURL"));
    Text.field(release, "downloadURL").flatMap(Urls::link).ifPresent(u -> draft.product(Schema.DOWNLOAD_URL, Values.iri(u)));
    Permissions.map(release, draft);
    publisher(Text.field(release, "organization"), agency, draft);
    dates(release, draft);
    Status.map(release, draft);
    return draft.build();
  }

  private static void describe(JsonNode release, Draft draft) {
    Optional<String> longDescription = Text.field(release, "longDescription");
    Text.field(release, "description").ifPresent(d ->
        draft.product(longDescription.isPresent() ? DCTERMS.ABSTRACT : DCTERMS.DESCRIPTION, Values.literal(d)));
    longDescription.ifPresent(d -> draft.product(DCTERMS.DESCRIPTION, Values.literal(d)));
    Text.field(release, "version").ifPresent(v -> draft.product(Schema.SOFTWARE_VERSION, Values.literal(v)));
    Text.list(release.get("tags")).forEach(t -> draft.product(DCAT.KEYWORD, Values.literal(t)));
    Text.list(release.get("languages")).forEach(l -> draft.product(Schema.PROGRAMMING_LANGUAGE, Values.literal(l)));
    Text.list(release.get("platforms")).forEach(p -> draft.product(Schema.OPERATING_SYSTEM, Values.literal(p)));
    JsonNode hours = release.get("laborHours");
    if (hours != null && hours.isNumber()) {
      java.math.BigDecimal value = hours.decimalValue();
      value = value.scale() < 1 ? value.setScale(1) : value; // "4785.0": the form Turtle writes back
      draft.product(DPG.LABOR_HOURS, Values.literal(value.toPlainString(), XSD.DECIMAL));
    }
  }

  /** The sub-unit that publishes it, and the agency above it. */
  private static void publisher(Optional<String> organisation, Optional<String> agency, Draft draft) {
    Optional<BNode> parent = agency.map(a -> named(a, draft));
    Optional<BNode> unit = organisation.map(o -> named(o, draft));
    unit.or(() -> parent).ifPresent(p -> draft.product(DCTERMS.PUBLISHER, p));
    unit.ifPresent(u -> parent.ifPresent(p -> draft.add(u, Schema.PARENT_ORGANIZATION, p)));
  }

  private static BNode named(String name, Draft draft) {
    BNode node = draft.node(FOAF.ORGANIZATION);
    draft.add(node, FOAF.NAME, Values.literal(name));
    return node;
  }

  private static void dates(JsonNode release, Draft draft) {
    JsonNode date = release.has("date") ? release.path("date") : release.path("updated");
    for (List<Object> field : List.<List<Object>>of(List.of("created", DCTERMS.CREATED),
        List.of("lastModified", DCTERMS.MODIFIED), List.of("sourceLastUpdated", DCTERMS.MODIFIED))) {
      String key = (String) field.get(0);
      Text.field(date, key).ifPresent(d -> Dates.literal(d).ifPresentOrElse(
          literal -> draft.product((IRI) field.get(1), literal),
          () -> draft.warn("/date/" + key, "'" + d + "' is not a date; dropped")));
    }
    Text.field(date, "metadataLastUpdated").flatMap(Dates::literal)
        .ifPresent(d -> draft.add(AdaptedRecord.RECORD, DCTERMS.MODIFIED, d));
  }
}
