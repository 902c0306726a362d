package org.dpgfed.harvester.source.dpga;

import org.dpgfed.harvester.source.Draft;
import org.dpgfed.harvester.source.Text;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Optional;
import org.dpgfed.harvester.source.Licences;
import org.dpgfed.harvester.source.Urls;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;

/**
 * Licences: v1 {@code license[]{spdx, licenseURL}}, v2 {@code openlicenses[]{openLicense,
 * openLicenseEvidenceURLs}}. The current SPDX id becomes {@code dct:license}; the id as written
 * stays in {@code dpg:licenseId}, the page that states it in {@code dpg:licenseEvidence}.
 */
final class Licensing {
  /** Field, id key, evidence key. */
  private static final List<List<String>> SHAPES = List.of(
      List.of("license", "spdx", "licenseURL"), List.of("openlicenses", "openLicense", "openLicenseEvidenceURLs"));

  private Licensing() {}

  static void map(JsonNode record, Draft draft) {
    boolean any = false;
    for (List<String> shape : SHAPES) {
      JsonNode field = record.get(shape.get(0));
      if (field == null) {
        continue;
      }
      JsonNode entries = field.isArray() ? field : JsonNodeFactory.instance.arrayNode().add(field);
      for (int i = 0; i < entries.size(); i++) {
        String path = "/" + shape.get(0) + (field.isArray() ? "/" + i : "");
        any |= licence(entries.get(i), shape, path, draft);
      }
    }
    if (!any) {
      draft.warn("/license", "the record names no licence");
    }
  }

  /** One entry (an object, or just the id); true when it named an id at all. */
  private static boolean licence(JsonNode entry, List<String> shape, String path, Draft draft) {
    boolean object = entry.isObject();
    String idPath = object ? path + "/" + shape.get(1) : path;
    Optional<String> written = Text.of(object ? entry.get(shape.get(1)) : entry);
    written.ifPresent(id -> {
      draft.product(DPG.LICENSE_ID, Values.literal(id));
      Licences.Reading reading = Licences.read(id);
      reading.ids().forEach(current -> draft.product(DCTERMS.LICENSE, Licences.iri(current)));
      reading.unknown().forEach(u -> draft.warn(idPath, "'" + u + "' is not an SPDX licence id; kept as dpg:licenseId only"));
    });
    if (object) {
      for (Text.Item item : Text.items(entry.get(shape.get(2)))) {
        List<String> urls = Urls.extract(item.text());
        urls.forEach(url -> draft.product(DPG.LICENSE_EVIDENCE, Values.iri(url)));
        if (urls.isEmpty()) {
          draft.warn(path + "/" + shape.get(2) + item.at(), "licence evidence '" + item.text() + "' holds no URL; dropped");
        }
      }
    }
    return written.isPresent();
  }
}
