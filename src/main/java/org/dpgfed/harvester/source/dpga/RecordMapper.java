package org.dpgfed.harvester.source.dpga;

import org.dpgfed.harvester.source.Draft;
import org.dpgfed.harvester.source.Text;
import com.fasterxml.jackson.databind.JsonNode;
import org.dpgfed.harvester.source.AdaptedRecord;

/**
 * One registry record (v1 or v2 shape, with or without its screening fields, or a Global Goods
 * Guidebook good) as an adapted record.
 */
final class RecordMapper {
  private RecordMapper() {}

  /**
   * @param record a JSON object
   * @param pointer where it is in the page, for problem paths
   */
  static AdaptedRecord map(JsonNode written, String pointer) {
    JsonNode record = Guidebook.recognises(written) ? Guidebook.restated(written) : written;
    Draft draft = new Draft(Text.field(record, "id").orElse(null), pointer);
    ProductFields.map(record, draft);
    Licensing.map(record, draft);
    Goals.map(record, draft);
    Repositories.map(record, draft);
    Organisations.map(record, draft);
    Locations.map(record, draft);
    Documentation.map(record, draft);
    Screening.map(record, draft);
    return draft.build();
  }
}
