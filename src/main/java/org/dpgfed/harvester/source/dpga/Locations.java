package org.dpgfed.harvester.source.dpga;

import org.dpgfed.harvester.source.Draft;
import org.dpgfed.harvester.source.Text;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.dpgfed.harvester.source.Countries;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;

/**
 * {@code locations{developmentCountries[], deploymentCountries[]}}: free-text English names. A
 * name no table knows is kept as a label, never dropped, and reported.
 */
final class Locations {
  private Locations() {}

  static void map(JsonNode record, Draft draft) {
    JsonNode locations = record.path("locations");
    countries(locations.get("developmentCountries"), "/locations/developmentCountries",
        DPG.DEVELOPMENT_COUNTRY, DPG.DEVELOPMENT_COUNTRY_LABEL, draft);
    countries(locations.get("deploymentCountries"), "/locations/deploymentCountries",
        DPG.DEPLOYMENT_COUNTRY, DPG.DEPLOYMENT_COUNTRY_LABEL, draft);
  }

  private static void countries(JsonNode names, String path, IRI property, IRI labelProperty, Draft draft) {
    Set<String> reported = new HashSet<>(); // "Somalia" twice in one list is one country
    for (Text.Item item : Text.items(names)) {
      Optional<String> alpha3 = Countries.alpha3(item.text());
      if (alpha3.isPresent()) {
        draft.product(property, Countries.iri(alpha3.get()));
      } else {
        draft.product(labelProperty, Values.literal(item.text(), "en"));
        if (reported.add(item.text())) {
          draft.warn(path + item.at(), "unknown country '" + item.text() + "'; kept as a label");
        }
      }
    }
  }
}
