package org.dpgfed.harvester.source.dpga;

import org.dpgfed.harvester.source.Draft;
import org.dpgfed.harvester.source.Text;
import org.dpgfed.harvester.vocab.Schema;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;
import org.dpgfed.harvester.source.Urls;
import org.eclipse.rdf4j.model.util.Values;

/**
 * Documentation links as {@code schema:softwareHelp}: v1 {@code documentation.documentationURL[]},
 * v2 {@code documentation}, a paragraph with URLs in it ("Public guide: https://…").
 */
final class Documentation {
  /** "docs.mosip.io": a host written without its scheme. */
  private static final Pattern BARE_HOST = Pattern.compile("(?i)^[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}(/\\S*)?$");

  private Documentation() {}

  static void map(JsonNode record, Draft draft) {
    JsonNode documentation = record.path("documentation");
    boolean v1 = documentation.isObject();
    String path = v1 ? "/documentation/documentationURL" : "/documentation";
    for (Text.Item item : Text.items(v1 ? documentation.get("documentationURL") : documentation)) {
      List<String> urls = Urls.extract(item.text());
      if (urls.isEmpty() && BARE_HOST.matcher(item.text()).matches()) {
        urls = Urls.extract("https://" + item.text());
        draft.warn(path + item.at(), "'" + item.text() + "' has no scheme; read as https://" + item.text());
      } else if (urls.isEmpty()) {
        draft.warn(path + item.at(), "documentation '" + item.text() + "' holds no URL; dropped");
      }
      urls.forEach(url -> draft.product(Schema.SOFTWARE_HELP, Values.iri(url)));
    }
  }
}
