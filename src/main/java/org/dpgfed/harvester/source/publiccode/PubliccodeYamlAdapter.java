package org.dpgfed.harvester.source.publiccode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.dpgfed.harvester.source.AdaptedPage;
import org.dpgfed.harvester.source.AdapterException;
import org.dpgfed.harvester.source.Bodies;
import org.dpgfed.harvester.source.Draft;
import org.dpgfed.harvester.source.Page;
import org.dpgfed.harvester.source.SourceAdapter;

/** One {@code publiccode.yml}, any spec version 0.1 to 0.7: one record, identified by its repository. */
public final class PubliccodeYamlAdapter implements SourceAdapter {
  @Override
  public String format() {
    return "publiccode-yaml";
  }

  @Override
  public String accept() {
    return "application/yaml, text/yaml, text/plain;q=0.5, */*;q=0.1";
  }

  @Override
  public AdaptedPage adapt(Page page) throws AdapterException {
    JsonNode yml = Bodies.yaml(Bodies.text(page, "a publiccode.yml document"), page.url());
    if (!yml.isObject()) {
      throw new AdapterException(page.url() + ": expected a publiccode.yml mapping, got a " + yml.getNodeType()
          .name().toLowerCase(java.util.Locale.ROOT));
    }
    Draft draft = new Draft(null, "");
    Publiccode.map(yml, "", draft);
    return AdaptedPage.single(List.of(draft.build()));
  }
}
