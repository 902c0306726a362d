package org.dpgfed.harvester.source.dpga;

import org.dpgfed.harvester.source.Draft;
import org.dpgfed.harvester.source.Text;
import org.dpgfed.harvester.vocab.Schema;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.dpgfed.harvester.source.Urls;
import org.eclipse.rdf4j.model.util.Values;

/**
 * Source-code repositories: {@code repositories[].url} (or plain strings), and the legacy
 * {@code repositoryURL}. Their normalised URLs identify the product.
 */
final class Repositories {
  private Repositories() {}

  static void map(JsonNode record, Draft draft) {
    JsonNode list = record.path("repositories");
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      boolean object = item.isObject();
      repository(object ? item.get("url") : item, "/repositories/" + i + (object ? "/url" : ""), draft);
    }
    if (record.has("repositoryURL")) {
      repository(record.get("repositoryURL"), "/repositoryURL", draft);
    }
  }

  private static void repository(JsonNode value, String path, Draft draft) {
    Optional<String> written = Text.of(value);
    if (written.isEmpty()) {
      draft.warn(path, "the repository URL is empty; dropped");
      return;
    }
    Optional<String> url = Urls.repository(written.get());
    if (url.isEmpty()) {
      // "backend：https://github.com/…": a label before the URL
      List<String> found = Urls.extract(written.get());
      url = found.size() == 1 ? Urls.repository(found.get(0)) : Optional.empty();
      url.ifPresent(u -> draft.warn(path, "'" + written.get() + "' is not a bare URL; used " + u));
    }
    if (url.isPresent()) {
      draft.product(Schema.CODE_REPOSITORY, Values.iri(url.get()));
      if (Urls.ownerOnly(url.get())) {
        draft.warn(path, url.get() + " names an account or group, not a repository; not used to identify the product");
      } else {
        draft.repository(url.get());
      }
      return;
    }
    Optional<String> site = Urls.link(written.get()); // "https://src.fedoraproject.org/": a forge, not a repository
    if (site.isPresent()) {
      draft.product(Schema.CODE_REPOSITORY, Values.iri(site.get()));
      draft.warn(path, site.get() + " names a whole site, not a repository; not used to identify the product");
    } else {
      draft.warn(path, "'" + written.get() + "' is not an http(s) URL; dropped");
    }
  }
}
