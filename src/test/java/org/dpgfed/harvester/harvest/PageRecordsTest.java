package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.dpgfed.harvester.source.Page;
import org.dpgfed.harvester.source.dpga.DpgaJsonAdapter;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Models;
import org.junit.jupiter.api.Test;

/** A run keeps each page's records checked and compact, and nothing of the adapter's models. */
class PageRecordsTest {
  private static List<AdaptedRecord> page() throws Exception {
    byte[] body = Files.readAllBytes(Path.of("src/test/resources/e2e/registry-v1.json"));
    return new DpgaJsonAdapter().adapt(new Page("http://127.0.0.1/dpgs", "application/json", body)).records();
  }

  @Test
  void keepsEveryStatementAndTheShapesFindingsOfEachRecord() throws Exception {
    List<AdaptedRecord> adapted = page();
    List<AdaptedRecord> checked = Shapes.standard().check(adapted);
    List<AdaptedRecord> kept = PageRecords.keep(adapted);
    assertEquals(adapted.size(), kept.size());
    assertFalse(kept.isEmpty());
    for (int i = 0; i < kept.size(); i++) {
      assertTrue(Models.isomorphic(adapted.get(i).description(), kept.get(i).description()), "record " + i);
      assertEquals(checked.get(i).problems(), kept.get(i).problems(), "record " + i);
    }
  }

  @Test
  void keptStatementsHoldNoIndexOfTheAdaptersModel() throws Exception {
    List<AdaptedRecord> adapted = page();
    assertTrue(adapted.get(0).description().stream().anyMatch(PageRecordsTest::indexed),
        "the adapter's statements are indexed ones, so the test can tell them apart");
    for (AdaptedRecord record : PageRecords.keep(adapted)) {
      assertTrue(record.description().stream().noneMatch(PageRecordsTest::indexed), record.id());
    }
  }

  /** A statement of a LinkedHashModel points into that model's indexes. */
  private static boolean indexed(Statement st) {
    return st.getClass().getEnclosingClass() == LinkedHashModel.class;
  }
}
