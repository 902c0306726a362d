package org.dpgfed.harvester.source.codejson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.dpgfed.harvester.source.AdapterContractTest;
import org.dpgfed.harvester.source.AdapterException;
import org.dpgfed.harvester.source.Golden;
import org.dpgfed.harvester.source.SourceAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeJsonAdapterTest extends AdapterContractTest {
  @Override
  protected SourceAdapter adapter() {
    return new CodeJsonAdapter();
  }

  @ParameterizedTest
  @ValueSource(strings = {"inventory-2.0.json", "projects-1.0.json", "per-repository-2025.json"})
  void mapsEachCaseAsItsGoldenFileSays(String name) throws Exception {
    Golden.assertCase(adapter(), "source/codejson/", name);
  }

  @Test
  void neverStoresTheContact() throws Exception {
    var records = adapt(Golden.resource("source/codejson/inventory-2.0.json")).records();
    assertTrue(records.stream().flatMap(r -> r.description().stream())
        .noneMatch(st -> st.getObject().stringValue().contains("someone@") || st.getObject().stringValue().contains("Some One")));
  }

  @Test
  void refusesJsonNestedTenThousandDeep() {
    String deep = "{\"releases\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    AdapterException e = assertThrows(AdapterException.class, () -> adapt(deep.getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("beyond the reader's limits: Document nesting depth"), e.getMessage());
  }

  @Test
  void readsEveryReleaseOfAnInventory() throws Exception {
    assertEquals(3, adapt(Golden.resource("source/codejson/inventory-2.0.json")).records().size());
  }
}
