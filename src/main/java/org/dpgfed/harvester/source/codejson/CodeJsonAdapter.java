package org.dpgfed.harvester.source.codejson;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dpgfed.harvester.source.AdaptedPage;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.dpgfed.harvester.source.AdapterException;
import org.dpgfed.harvester.source.Bodies;
import org.dpgfed.harvester.source.Page;
import org.dpgfed.harvester.source.SourceAdapter;
import org.dpgfed.harvester.source.Text;

/**
 * A code.json: an agency inventory whose {@code releases[]} (2.0.0) or {@code projects[]} (1.0.x)
 * are the records, or one repository's own code.json (2025, SHARE IT Act). Not paged.
 */
public final class CodeJsonAdapter implements SourceAdapter {
  private static final String EXPECTED = "a code.json (an object with releases[] or projects[], or one repository's code.json)";

  @Override
  public String format() {
    return "code-json";
  }

  @Override
  public String accept() {
    return "application/json";
  }

  @Override
  public AdaptedPage adapt(Page page) throws AdapterException {
    JsonNode root = Bodies.json(page, EXPECTED);
    if (!root.isObject()) {
      throw new AdapterException(page.url() + ": expected " + EXPECTED);
    }
    Optional<String> agency = Text.field(root, "agency");
    Optional<String> version = Text.field(root, "version");
    for (String list : List.of("releases", "projects")) {
      JsonNode items = root.get(list);
      if (items != null && items.isArray()) {
        List<AdaptedRecord> records = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
          records.add(Release.map(items.get(i), "/" + list + "/" + i, agency, version));
        }
        return AdaptedPage.single(records);
      }
    }
    if (root.has("name")) {
      return AdaptedPage.single(List.of(Release.map(root, "", Optional.empty(), Optional.empty())));
    }
    throw new AdapterException(page.url() + ": expected " + EXPECTED + "; found neither releases[], projects[] nor a name");
  }
}
