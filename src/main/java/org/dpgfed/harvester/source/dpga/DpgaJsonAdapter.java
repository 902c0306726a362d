package org.dpgfed.harvester.source.dpga;

import org.dpgfed.harvester.source.Bodies;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.dpgfed.harvester.source.AdaptedPage;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.dpgfed.harvester.source.AdapterException;
import org.dpgfed.harvester.source.Page;
import org.dpgfed.harvester.source.SourceAdapter;

/**
 * The Digital Public Goods Alliance registry: one record or an array of records, as the per-file
 * JSON of publicgoods-candidates, the v1 API (with or without the screening fields merged in) or
 * the v2 API writes them. Not paged; an array is read item by item.
 */
public final class DpgaJsonAdapter implements SourceAdapter {
  @Override
  public String format() {
    return "dpga-json";
  }

  @Override
  public AdaptedPage adapt(Page page) throws AdapterException {
    List<AdaptedRecord> records = new ArrayList<>();
    adapt(page, records::add);
    return AdaptedPage.single(records);
  }

  /** Maps the array's items one by one while the JSON is read, so a registry of any size holds one item at a time. */
  @Override
  public AdaptedPage adapt(Page page, Consumer<AdaptedRecord> each) throws AdapterException {
    Bodies.jsonItems(page, "a DPG record (a JSON object) or an array of them", (item, index) -> {
      if (!item.isObject()) {
        throw new AdapterException(page.url() + (index < 0
            ? ": expected a DPG record (a JSON object) or an array of them, got " + kind(item)
            : ": item " + index + " of the array is " + kind(item) + ", not a DPG record (a JSON object)"));
      }
      each.accept(RecordMapper.map(item, index < 0 ? "" : "/" + index));
    });
    return AdaptedPage.single(List.of());
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case ARRAY -> "an array";
      default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }
}
