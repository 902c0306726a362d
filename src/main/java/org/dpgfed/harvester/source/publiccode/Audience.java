package org.dpgfed.harvester.source.publiccode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.dpgfed.harvester.source.Countries;
import org.dpgfed.harvester.source.Draft;
import org.dpgfed.harvester.source.Languages;
import org.dpgfed.harvester.source.Text;
import org.dpgfed.harvester.source.Urls;
import org.dpgfed.harvester.vocab.DPG;
import org.dpgfed.harvester.vocab.Schema;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.OWL;

/**
 * Who makes, funds, maintains and uses the software, where it is meant for and in which languages.
 * {@code maintenance.contacts} name people: they become contacts, which only the private graph may keep.
 */
final class Audience {
  private Audience() {}

  static void map(JsonNode yml, String at, Draft draft) {
    JsonNode organisation = yml.path("organisation");
    Text.field(organisation, "name").or(() -> Text.field(organisation, "uri"))
        .ifPresent(name -> draft.product(DCTERMS.PUBLISHER, organisation(name, Text.field(organisation, "uri"), draft)));
    for (JsonNode funder : yml.path("fundedBy")) { // udata once wrote "url" for "uri"
      Optional<String> uri = Text.field(funder, "uri").or(() -> Text.field(funder, "url"));
      Text.field(funder, "name").ifPresent(n -> draft.product(Schema.FUNDER, organisation(n, uri, draft)));
    }
    for (JsonNode user : yml.path("usedBy")) { // strings; Catala once wrote objects with a name
      Text.of(user.isObject() ? user.get("name") : user).ifPresent(u -> draft.product(DPG.USED_BY, Values.literal(u)));
    }
    JsonNode maintenance = yml.path("maintenance");
    Text.field(maintenance, "type").ifPresent(t -> draft.product(DPG.MAINTENANCE_TYPE, Values.literal(t)));
    for (JsonNode contractor : maintenance.path("contractors")) {
      Text.field(contractor, "name").ifPresent(n -> {
        BNode node = organisation(n, Optional.empty(), draft);
        Text.field(contractor, "website").flatMap(Urls::link).ifPresent(w -> draft.add(node, FOAF.HOMEPAGE, Values.iri(w)));
        draft.product(Schema.MAINTAINER, node);
      });
    }
    for (JsonNode contact : maintenance.path("contacts")) {
      draft.contact(Text.field(contact, "name"), Text.field(contact, "email"), Text.field(contact, "phone"));
    }
    countries(yml.path("intendedAudience").get("countries"), at + "/intendedAudience/countries", draft);
    localisation(yml.path("localisation"), at + "/localisation", draft);
  }

  /** An organisation; its uri (often a URN such as urn:x-italian-pa:c_h501) becomes owl:sameAs. */
  private static BNode organisation(String name, Optional<String> uri, Draft draft) {
    BNode node = draft.node(FOAF.ORGANIZATION);
    draft.add(node, FOAF.NAME, Values.literal(name));
    uri.filter(u -> u.matches("(?i)^(https?|urn):\\S+$")).ifPresent(u -> draft.add(node, OWL.SAMEAS, Values.iri(u)));
    return node;
  }

  private static void countries(JsonNode codes, String at, Draft draft) {
    for (Text.Item item : Text.items(codes)) {
      Optional<String> alpha3 = Countries.alpha3(item.text());
      if (alpha3.isPresent()) {
        draft.product(DCTERMS.SPATIAL, Countries.iri(alpha3.get()));
      } else {
        draft.product(DPG.SPATIAL_LABEL, Values.literal(item.text()));
        draft.warn(at + item.at(), "unknown country '" + item.text() + "'; kept as a label");
      }
    }
  }

  private static void localisation(JsonNode localisation, String at, Draft draft) {
    JsonNode ready = localisation.get("localisationReady");
    if (ready != null && ready.isBoolean()) {
      draft.product(DPG.LOCALISATION_READY, Values.literal(ready.booleanValue()));
    } else if (ready != null && !ready.isNull()) {
      draft.warn(at + "/localisationReady", "'" + ready.asText() + "' is not true or false; dropped");
    }
    for (Text.Item item : Text.items(localisation.get("availableLanguages"))) {
      Optional<String> tag = Languages.tag(item.text());
      tag.ifPresent(t -> draft.product(Schema.IN_LANGUAGE, Values.literal(t)));
      if (tag.isEmpty()) {
        draft.warn(at + "/availableLanguages" + item.at(), "'" + item.text() + "' is not a language tag; dropped");
      }
    }
  }

}
