package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.dpgfed.harvester.source.Golden;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's graph reaches the store in batches of a bounded number of records, however many the source has. */
class MintedContentTest {
  private static final int RECORDS = 2 * MintedContent.BATCH + 500;

  @TempDir
  Path dir;

  @Test
  void handsTheGraphOverInBatchesOfAtMostTheBatchSizeOfRecords() {
    try (RecordSpill spill = new RecordSpill(dir)) {
      RunRecords run = new RunRecords("big", Golden.IRIS, spill, new ProblemLog(dir));
      for (int i = 0; i < RECORDS; i++) {
        run.add(record(i));
      }
      MintedContent content = new MintedContent(new RecordMinter(Golden.IRIS), run,
          ProductKeys.WITHIN_RUN.keys(run), Golden.RUN, null);
      List<Integer> batches = new ArrayList<>();
      content.forEachBatch(batch -> batches.add(new LinkedHashModel(batch).filter(null, RDF.TYPE, DCAT.CATALOG_RECORD).size()));
      assertTrue(batches.stream().allMatch(n -> n <= MintedContent.BATCH), batches.toString());
      assertEquals(RECORDS, batches.stream().mapToInt(Integer::intValue).sum());
      assertEquals(3, batches.size(), batches.toString());
    }
  }

  private static AdaptedRecord record(int i) {
    Model description = new LinkedHashModel();
    description.add(AdaptedRecord.PRODUCT, DCTERMS.TITLE, Values.literal("Product " + i));
    return new AdaptedRecord("p" + i, List.of(), List.of("https://github.com/example/p" + i), List.of(), description,
        List.of());
  }
}
