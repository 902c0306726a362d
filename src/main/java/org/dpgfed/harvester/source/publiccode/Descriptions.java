package org.dpgfed.harvester.source.publiccode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.dpgfed.harvester.source.Draft;
import org.dpgfed.harvester.source.Languages;
import org.dpgfed.harvester.source.Text;
import org.dpgfed.harvester.source.Urls;
import org.dpgfed.harvester.vocab.Schema;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;

/**
 * {@code description.{language}}: names, short and long descriptions, features and documentation
 * links, each text tagged with its language in conventional case ("IT" becomes "it").
 */
final class Descriptions {
  private static final Map<String, IRI> TEXTS = Map.of(
      "localisedName", DCTERMS.TITLE, "genericName", DCTERMS.ALTERNATIVE,
      "shortDescription", DCTERMS.ABSTRACT, "longDescription", DCTERMS.DESCRIPTION);

  private Descriptions() {}

  static void map(JsonNode descriptions, String at, Draft draft) {
    Iterator<Map.Entry<String, JsonNode>> languages = descriptions.fields();
    while (languages.hasNext()) {
      Map.Entry<String, JsonNode> entry = languages.next();
      Optional<String> tag = Languages.tag(entry.getKey());
      if (tag.isEmpty()) {
        draft.warn(at + "/" + entry.getKey(), "'" + entry.getKey() + "' is not a language tag; its texts are dropped");
        continue;
      }
      one(entry.getValue(), tag.get(), draft);
    }
  }

  private static void one(JsonNode description, String language, Draft draft) {
    TEXTS.forEach((key, property) -> Text.field(description, key)
        .ifPresent(text -> draft.product(property, Values.literal(text, language))));
    Text.list(description.get("features")).forEach(f -> draft.product(Schema.FEATURE_LIST, Values.literal(f, language)));
    for (String key : new String[] {"documentation", "apiDocumentation"}) {
      Text.field(description, key).flatMap(Urls::link)
          .ifPresent(url -> draft.product(Schema.SOFTWARE_HELP, Values.iri(url)));
    }
  }
}
