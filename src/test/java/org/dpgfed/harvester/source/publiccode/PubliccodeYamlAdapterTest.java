package org.dpgfed.harvester.source.publiccode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dpgfed.harvester.source.AdaptedPage;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.dpgfed.harvester.source.AdapterContractTest;
import org.dpgfed.harvester.source.AdapterException;
import org.dpgfed.harvester.source.Golden;
import org.dpgfed.harvester.source.SourceAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PubliccodeYamlAdapterTest extends AdapterContractTest {
  @Override
  protected SourceAdapter adapter() {
    return new PubliccodeYamlAdapter();
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.2.yml", "v0.7.yml"})
  void mapsEachCaseAsItsGoldenFileSays(String name) throws Exception {
    Golden.assertCase(adapter(), "source/publiccode/", name);
  }

  @Test
  void readsAYamlAliasBombWithoutExpandingIt() throws Exception {
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char prev = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [*").append(prev).append(",*").append(prev).append(",*").append(prev)
          .append(",*").append(prev).append(",*").append(prev).append(",*").append(prev).append("]\n");
    }
    bomb.append("name: Bomb\n");
    // nine levels of nine aliases would be 387 million strings if expanded; aliases are never expanded
    AdaptedRecord record = adapt(bomb.toString().getBytes(StandardCharsets.UTF_8)).records().get(0);
    assertTrue(record.description().size() < 50, "size " + record.description().size());
  }

  /**
   * The schema faults of the invalid real files FORMATS.md 2.4 lists (CodeForBaltimore's
   * Bmore-Responsive, udata, Catala, italia/18app, didoc4), in one file: each is a problem of the
   * record, none stops the reading.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "landingUrl: https://bmore.example.org\ndevelopmentStatus: production\nlocalisation:\n  localisationReady: yes\n",
      "creationDate: 2019-01-01\nlatestRelease: 1.0\nsoftwareType: \"\"\nfundedBy:\n  - url: https://funder.example.org\n",
      "usedBy:\n  - name: Someone\n    url: https://someone.example.org\n",
      "localisation:\n  localisationReady: null\n  availableLanguages: []\nmaintenance:\n  type: contract\n"
          + "  contractors:\n    - name: Acme\n      until: \"2020-03-21\"\n",
      "softwareVersion: 4.3.0.\nintendedAudience:\n  countries: [it]\n"})
  void readsTheInvalidRealFilesAsRecordsWithProblems(String faults) throws Exception {
    String yml = "publiccodeYmlVersion: \"0.2\"\nname: Faulty\nurl: https://github.com/ex/faulty\n" + faults;
    List<AdaptedRecord> records = adapt(yml.getBytes(StandardCharsets.UTF_8)).records();
    assertEquals(1, records.size());
    assertFalse(records.get(0).problems().isEmpty(), "problems of " + faults);
  }

  @Test
  void refusesYamlNestedThousandsDeep() {
    String deep = "a: " + "[".repeat(10_000) + "]".repeat(10_000);
    assertThrows(AdapterException.class, () -> adapt(deep.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void keepsAFileWithoutANameOutOfTheStore() throws Exception {
    AdaptedRecord record = adapt("url: https://github.com/a/b\n".getBytes(StandardCharsets.UTF_8)).records().get(0);
    assertFalse(record.valid());
  }

  @Test
  void keepsMaintenanceContactsOutOfTheProductDescription() throws Exception {
    AdaptedPage page = adapt(Golden.resource("source/publiccode/v0.2.yml"));
    org.dpgfed.harvester.harvest.RecordMinter.Minted minted = Golden.mintAll(page, "publiccode");
    assertFalse(minted.graph().stream().anyMatch(st -> st.getObject().stringValue().contains("Mario Rossi")
        || st.getObject().stringValue().contains("comune.ferrara.it/") && st.getObject().stringValue().contains("mario")));
    assertTrue(minted.contacts().stream().anyMatch(st -> st.getObject().stringValue().contains("Mario Rossi")),
        "the contacts are kept apart, for the private graph");
  }
}
