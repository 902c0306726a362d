package org.dpgfed.harvester.source.publiccode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dpgfed.harvester.source.AdaptedPage;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.dpgfed.harvester.source.AdapterException;
import org.dpgfed.harvester.source.Bodies;
import org.dpgfed.harvester.source.Dates;
import org.dpgfed.harvester.source.Draft;
import org.dpgfed.harvester.source.Page;
import org.dpgfed.harvester.source.SourceAdapter;
import org.dpgfed.harvester.source.Text;
import org.dpgfed.harvester.source.Urls;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.OWL;

/**
 * A Developers-Italia-style catalogue API: pages of {@code {data: [{id, url, aliases,
 * publiccodeYml, active, createdAt, updatedAt}], links: {next}}}. The catalogue's {@code url} is
 * the canonical repository; its {@code aliases} (earlier URLs) identify the product too. A file
 * that cannot be read makes its record invalid, not the page.
 */
public final class PubliccodeCatalogAdapter implements SourceAdapter {
  @Override
  public String format() {
    return "publiccode-catalog";
  }

  @Override
  public String accept() {
    return "application/json";
  }

  @Override
  public AdaptedPage adapt(Page page) throws AdapterException {
    JsonNode root = Bodies.json(page, "a catalogue page {data: [...], links: {next}}");
    JsonNode data = root.path("data");
    if (!root.isObject() || !data.isArray()) {
      throw new AdapterException(page.url() + ": expected a catalogue page {data: [...], links: {next}}");
    }
    List<AdaptedRecord> records = new ArrayList<>(data.size());
    for (int i = 0; i < data.size(); i++) {
      records.add(item(data.get(i), "/data/" + i, page.url()));
    }
    Optional<String> written = Text.field(root.path("links"), "next");
    Optional<String> next = written.flatMap(n -> NextPage.resolve(page.url(), n));
    if (written.isPresent() && next.isEmpty()) {
      throw new AdapterException(page.url() + ": links.next '" + written.get() + "' is not a URL");
    }
    return new AdaptedPage(records, List.of(), next);
  }

  private static AdaptedRecord item(JsonNode item, String pointer, String pageUrl) {
    Draft draft = new Draft(Text.field(item, "id").orElse(null), pointer);
    Optional<String> url = Text.field(item, "url");
    url.ifPresent(u -> draft.codeRepository(u, "/url"));
    for (Text.Item alias : Text.items(item.get("aliases"))) {
      Optional<String> canonical = url.flatMap(Urls::repository);
      Urls.repository(alias.text()).ifPresent(a -> {
        draft.repository(a);
        canonical.ifPresent(c -> draft.add(Values.iri(c), OWL.SAMEAS, Values.iri(a)));
      });
    }
    JsonNode active = item.get("active");
    if (active != null && active.isBoolean()) {
      draft.add(AdaptedRecord.RECORD, DPG.ACTIVE, Values.literal(active.booleanValue()));
    }
    Text.field(item, "createdAt").flatMap(Dates::literal).ifPresent(d -> draft.add(AdaptedRecord.RECORD, DCTERMS.ISSUED, d));
    Text.field(item, "updatedAt").flatMap(Dates::literal).ifPresent(d -> draft.add(AdaptedRecord.RECORD, DCTERMS.MODIFIED, d));
    Optional<String> yml = Text.field(item, "publiccodeYml");
    if (yml.isEmpty()) {
      draft.violation("/publiccodeYml", "the item has no publiccode.yml");
      return draft.build();
    }
    try {
      JsonNode parsed = Bodies.yaml(yml.get(), pageUrl + " " + pointer + "/publiccodeYml");
      if (!parsed.isObject()) {
        throw new AdapterException("the publiccode.yml is not a mapping");
      }
      Publiccode.map(parsed, "/publiccodeYml", draft);
    } catch (AdapterException e) {
      draft.violation("/publiccodeYml", e.getMessage());
    }
    return draft.build();
  }
}
