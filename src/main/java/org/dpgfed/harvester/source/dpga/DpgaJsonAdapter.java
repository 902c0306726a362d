package org.dpgfed.harvester.source.dpga;

import org.dpgfed.harvester.source.Bodies;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dpgfed.harvester.source.AdaptedPage;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.dpgfed.harvester.source.AdapterException;
import org.dpgfed.harvester.source.Page;
import org.dpgfed.harvester.source.SourceAdapter;

/**
 * The Digital Public Goods Alliance registry: one record or an array of records, as the per-file
 * JSON of publicgoods-candidates, the v1 API (with or without the screening fields merged in) or
 * the v2 API writes them. Not paged.
 */
public final class DpgaJsonAdapter implements SourceAdapter {
  @Override
  public String format() {
    return "dpga-json";
  }

  @Override
  public AdaptedPage adapt(Page page) throws AdapterException {
    JsonNode root = Bodies.json(page, "a DPG record (a JSON object) or an array of them");
    if (root.isObject()) {
      return AdaptedPage.single(List.of(RecordMapper.map(root, "")));
    }
    if (!root.isArray()) {
      throw new AdapterException(page.url() + ": expected a DPG record (a JSON object) or an array of them, got "
          + kind(root));
    }
    for (int i = 0; i < root.size(); i++) {
      if (!root.get(i).isObject()) {
        throw new AdapterException(page.url() + ": item " + i + " of the array is " + kind(root.get(i))
            + ", not a DPG record (a JSON object)");
      }
    }
    List<AdaptedRecord> records = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      records.add(RecordMapper.map(root.get(i), "/" + i));
    }
    return AdaptedPage.single(records);
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
