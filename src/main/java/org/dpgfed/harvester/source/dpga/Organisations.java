package org.dpgfed.harvester.source.dpga;

import org.dpgfed.harvester.source.Draft;
import org.dpgfed.harvester.source.Text;
import org.dpgfed.harvester.vocab.Schema;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dpgfed.harvester.source.Urls;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;

/**
 * {@code organizations[]{name, website, org_type}} as {@code foaf:Organization} nodes linked by
 * their role. {@code contact_name} and {@code contact_email} name a person: they become a contact,
 * which only the private graph may keep.
 */
final class Organisations {
  /** Owners publish the good and hold its rights (FORMATS.md 7.1). */
  private static final Map<String, List<IRI>> ROLES = Map.of(
      "owner", List.of(DCTERMS.PUBLISHER, DCTERMS.RIGHTS_HOLDER),
      "maintainer", List.of(Schema.MAINTAINER),
      "funder", List.of(Schema.FUNDER),
      "implementer", List.of(DPG.IMPLEMENTER));

  private Organisations() {}

  static void map(JsonNode record, Draft draft) {
    JsonNode list = record.path("organizations");
    Map<String, BNode> seen = new HashMap<>(); // one node per organisation, however many roles it has
    for (int i = 0; i < list.size(); i++) {
      organisation(list.get(i), "/organizations/" + i, seen, draft);
    }
  }

  private static void organisation(JsonNode org, String path, Map<String, BNode> seen, Draft draft) {
    Optional<String> name = Text.field(org, "name");
    if (name.isEmpty()) {
      draft.warn(path + "/name", "an organisation has no name; dropped");
      return;
    }
    Optional<String> written = Text.field(org, "website");
    Optional<String> homepage = written.flatMap(Urls::link);
    if (written.isPresent() && homepage.isEmpty()) {
      draft.warn(path + "/website", "the organisation's website '" + written.get() + "' is not an http(s) URL; dropped");
    }
    BNode node = seen.computeIfAbsent(name.get() + "\n" + homepage.orElse(""), key -> {
      BNode created = draft.node(FOAF.ORGANIZATION);
      draft.add(created, FOAF.NAME, Values.literal(name.get()));
      homepage.ifPresent(h -> draft.add(created, FOAF.HOMEPAGE, Values.iri(h)));
      return created;
    });
    String role = Text.field(org, "org_type").map(r -> r.toLowerCase(Locale.ROOT)).orElse("");
    List<IRI> links = ROLES.get(role);
    if (links == null) {
      draft.warn(path + "/org_type", "unknown organisation role '" + role + "'; linked as dct:contributor");
      links = List.of(DCTERMS.CONTRIBUTOR);
    }
    links.forEach(link -> draft.product(link, node));
    draft.contact(Text.field(org, "contact_name"), Text.field(org, "contact_email"), Optional.empty());
  }
}
