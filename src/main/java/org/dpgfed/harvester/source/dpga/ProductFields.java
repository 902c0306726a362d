package org.dpgfed.harvester.source.dpga;

import org.dpgfed.harvester.source.Draft;
import org.dpgfed.harvester.source.Text;
import org.dpgfed.harvester.vocab.Schema;
import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dpgfed.harvester.source.Urls;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.RDF;

/** The product's names, description, website, types, review stage and sectors. */
final class ProductFields {
  private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /** v1 {@code type} values and v2 {@code categories} ("Open AI Model") reduced to one key. */
  private static final Map<String, IRI> TYPES = Map.of(
      "software", DPG.SOFTWARE, "data", DPG.DATA, "content", DPG.CONTENT,
      "standard", DPG.STANDARD, "aimodel", DPG.AI_MODEL);
  /** The class a type adds besides dcat:Resource, so generic DCAT and schema.org clients find it. */
  private static final Map<IRI, IRI> CLASSES = Map.of(
      DPG.SOFTWARE, Schema.SOFTWARE_SOURCE_CODE, DPG.DATA, DCAT.DATASET, DPG.CONTENT, Schema.CREATIVE_WORK,
      DPG.STANDARD, DCTERMS.STANDARD);
  private static final Map<String, IRI> STAGES = Map.of(
      "dpg", DPG.STAGE_DPG, "nominee", DPG.STAGE_NOMINEE, "archive", DPG.STAGE_ARCHIVE);

  private ProductFields() {}

  static void map(JsonNode record, Draft draft) {
    draft.product(RDF.TYPE, DCAT.RESOURCE);
    draft.product(RDF.TYPE, Schema.ADMS_ASSET);
    names(record, draft);
    Text.field(record, "description").ifPresent(d -> draft.product(DCTERMS.DESCRIPTION, Values.literal(d, "en")));
    website(record, draft);
    types(record, draft);
    stage(record, draft);
    List<String> sectors = Text.list(record.get("sectors"));
    sectors.forEach(sector -> draft.product(DCAT.THEME, DPG.sector(slug(sector))));
  }

  private static void names(JsonNode record, Draft draft) {
    Optional<String> name = Text.field(record, "name");
    if (name.isEmpty()) {
      draft.violation("/name", "the record has no name");
    }
    name.ifPresent(n -> {
      draft.product(DCTERMS.TITLE, Values.literal(n, "en"));
      draft.product(Schema.NAME, Values.literal(n, "en"));
    });
    Text.list(record.get("aliases")).forEach(a -> draft.product(DCTERMS.ALTERNATIVE, Values.literal(a, "en")));
  }

  private static void website(JsonNode record, Draft draft) {
    Optional<String> written = Text.field(record, "website");
    if (written.isEmpty()) {
      return;
    }
    Optional<String> link = Urls.link(written.get());
    if (link.isEmpty()) {
      draft.warn("/website", "the website '" + written.get() + "' is not an http(s) URL; dropped");
      return;
    }
    draft.product(FOAF.HOMEPAGE, Values.iri(link.get()));
    Urls.website(link.get()).ifPresent(draft::website);
  }

  /** v1 says {@code type}, v2 {@code categories}; a record could carry both. */
  private static void types(JsonNode record, Draft draft) {
    boolean any = false;
    for (String field : List.of("type", "categories")) {
      for (Text.Item item : Text.items(record.get(field))) {
        IRI type = TYPES.get(typeKey(item.text()));
        if (type == null) {
          draft.warn("/" + field + item.at(), "unknown product type '" + item.text() + "'; dropped");
          continue;
        }
        any = true;
        draft.product(DCTERMS.TYPE, type);
        Optional.ofNullable(CLASSES.get(type)).ifPresent(c -> draft.product(RDF.TYPE, c));
      }
    }
    if (!any) {
      draft.warn("/type", "the record has no product type (software, data, content, standard or AI model)");
    }
  }

  /** "Open AI Models" and "aimodel" both become "aimodel". */
  private static String typeKey(String written) {
    String key = written.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    if (key.startsWith("open") && TYPES.get(key) == null) {
      key = key.substring(4);
    }
    return key.endsWith("s") && TYPES.containsKey(key.substring(0, key.length() - 1))
        ? key.substring(0, key.length() - 1) : key;
  }

  private static void stage(JsonNode record, Draft draft) {
    Text.field(record, "stage").ifPresent(stage -> {
      IRI concept = STAGES.get(stage.toLowerCase(Locale.ROOT));
      if (concept == null) {
        draft.warn("/stage", "unknown review stage '" + stage + "'; dropped");
      } else {
        draft.product(DPG.STAGE, concept);
      }
    });
  }

  /** "Data Management & Policy" becomes "data-management-policy", the local name in dpg.ttl. */
  static String slug(String sector) {
    String plain = MARKS.matcher(Normalizer.normalize(sector, Normalizer.Form.NFD)).replaceAll("");
    String slug = NOT_SLUG.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("-");
    return slug.replaceAll("^-+|-+$", "");
  }
}
