package org.dpgfed.harvester.source.publiccode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.dpgfed.harvester.source.AdaptedPage;
import org.dpgfed.harvester.source.AdapterContractTest;
import org.dpgfed.harvester.source.Golden;
import org.dpgfed.harvester.source.Page;
import org.dpgfed.harvester.source.SourceAdapter;
import org.junit.jupiter.api.Test;

class PubliccodeCatalogAdapterTest extends AdapterContractTest {
  @Override
  protected SourceAdapter adapter() {
    return new PubliccodeCatalogAdapter();
  }

  @Test
  void mapsThePageAsItsGoldenFileSays() throws Exception {
    Golden.assertCase(adapter(), "source/publiccode/", "catalog-page.json");
  }

  @Test
  void givesTheNextPageAsAnAbsoluteUrlWithItsCursorEncoded() throws Exception {
    AdaptedPage page = adapter().adapt(new Page("https://api.example.it/v1/software?page[size]=2", null,
        Golden.resource("source/publiccode/catalog-page.json")));
    assertEquals(Optional.of("https://api.example.it/v1/software?page%5Bafter%5D=WyIyMDIyIl0="), page.next());
  }

  @Test
  void makesTheAliasesFurtherIdentitiesOfTheProduct() throws Exception {
    AdaptedPage page = adapt(Golden.resource("source/publiccode/catalog-page.json"));
    assertEquals(List.of("https://github.com/globaleaks/globaleaks-whistleblowing-software",
        "https://github.com/globaleaks/globaleaks"), page.records().get(0).repositories());
  }

  @Test
  void makesAnItemWithBrokenYamlInvalidButKeepsTheOthers() throws Exception {
    AdaptedPage page = adapt(Golden.resource("source/publiccode/catalog-page.json"));
    assertTrue(page.records().get(0).valid());
    assertFalse(page.records().get(1).valid());
    assertTrue(page.records().get(1).problems().get(0).message().contains("malformed YAML"),
        page.records().get(1).problems().toString());
  }
}
