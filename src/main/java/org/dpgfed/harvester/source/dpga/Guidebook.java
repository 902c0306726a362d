package org.dpgfed.harvester.source.dpga;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The Global Goods Guidebook's per-good JSON ({@code ID, Name, Website{main, docs, source_code},
 * GlobalGoodsType[], License, Classifications{SDGs["SDG-3"]}, Reach{ImplementationCountries["dz"]},
 * StandardsAndInteroperability}), another registry of the same kind of goods: restated in the
 * registry's own field names so that one mapping, with all its normalisation, reads both. Its
 * contacts are people and are not carried over.
 */
final class Guidebook {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Guidebook() {}

  /** Whether a record is in the guidebook's shape (capitalised {@code ID} and {@code Name}). */
  static boolean recognises(JsonNode record) {
    return record.has("ID") && record.has("Name") && !record.has("name");
  }

  static JsonNode restated(JsonNode good) {
    ObjectNode record = NODES.objectNode();
    copy(good.get("ID"), record, "id");
    copy(good.get("Name"), record, "name");
    JsonNode overview = good.path("ProductOverview");
    copy(overview.hasNonNull("Description") ? overview.get("Description") : overview.get("Summary"), record, "description");
    JsonNode website = good.path("Website");
    copy(website.path("main").get("url"), record, "website");
    copy(good.get("GlobalGoodsType"), record, "type");
    if (good.hasNonNull("License")) {
      record.putArray("license").addObject().set("spdx", good.get("License"));
    }
    copy(good.path("Classifications").get("SDGs"), record, "SDGs");
    if (website.path("source_code").hasNonNull("url")) {
      record.putArray("repositories").addObject().set("url", website.path("source_code").get("url"));
    }
    copy(good.path("Reach").get("ImplementationCountries"), record.putObject("locations"), "deploymentCountries");
    if (website.path("docs").hasNonNull("url")) {
      record.putObject("documentation").putArray("documentationURL").add(website.path("docs").get("url"));
    }
    ArrayNode standards = NODES.arrayNode();
    for (String kind : List.of("HealthStandards", "Interoperability", "ClimateStandards")) {
      good.path("StandardsAndInteroperability").path(kind).forEach(s -> standards.add(s.isObject() ? s.path("name") : s));
    }
    if (!standards.isEmpty()) {
      record.putObject("standards").set("standardsList", standards);
    }
    return record;
  }

  private static void copy(JsonNode value, ObjectNode into, String field) {
    if (value != null && !value.isNull() && !value.isMissingNode()) {
      into.set(field, value);
    }
  }
}
