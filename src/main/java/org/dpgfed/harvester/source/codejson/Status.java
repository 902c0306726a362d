package org.dpgfed.harvester.source.codejson;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import org.dpgfed.harvester.source.Draft;
import org.dpgfed.harvester.source.Text;
import org.dpgfed.harvester.vocab.DPG;
import org.dpgfed.harvester.vocab.Schema;
import org.eclipse.rdf4j.model.util.Values;

/** {@code status} (Ideation … Archival) as written and as an ADMS status. */
final class Status {
  private static final Map<String, String> ADMS = Map.of("ideation", "UnderDevelopment",
      "development", "UnderDevelopment", "alpha", "UnderDevelopment", "beta", "UnderDevelopment",
      "release candidate", "UnderDevelopment", "production", "Completed", "archival", "Deprecated");

  private Status() {}

  static void map(JsonNode release, Draft draft) {
    Text.field(release, "status").ifPresent(status -> {
      draft.product(DPG.DEVELOPMENT_STATUS, Values.literal(status));
      String adms = ADMS.get(status.toLowerCase(Locale.ROOT));
      if (adms == null) {
        draft.warn("/status", "unknown status '" + status + "'; kept as written only");
      } else {
        draft.product(Schema.ADMS_STATUS_PROPERTY, Schema.admsStatus(adms));
      }
    });
  }
}
