package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dpgfed.harvester.registry.IdentityIndex;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.dpgfed.harvester.source.Golden;
import org.dpgfed.harvester.source.Page;
import org.dpgfed.harvester.source.dpga.DpgaJsonAdapter;
import org.dpgfed.harvester.source.publiccode.PubliccodeYamlAdapter;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run keeps its records in a file, not in memory, and mints from the file what it would have minted from memory. */
class RecordSpillTest {
  @TempDir
  Path dir;

  private static List<AdaptedRecord> records() throws Exception {
    List<AdaptedRecord> records = new ArrayList<>(new DpgaJsonAdapter().adapt(new Page("http://127.0.0.1/dpgs",
        "application/json", Files.readAllBytes(Path.of("src/test/resources/e2e/registry-v1.json")))).records());
    records.addAll(new PubliccodeYamlAdapter().adapt(new Page("http://127.0.0.1/publiccode.yml", "application/yaml",
        Golden.resource("source/publiccode/v0.2.yml"))).records());
    return Shapes.standard().check(records);
  }

  @Test
  void givesEachRecordBackAsItWasKept() throws Exception {
    try (RecordSpill spill = new RecordSpill(dir)) {
      List<AdaptedRecord> records = records();
      List<RunRecords.Kept> kept = new ArrayList<>();
      for (int i = 0; i < records.size(); i++) {
        kept.add(new RunRecords.Kept("r" + i, records.get(i), Identity.entry(records.get(i), "s", "r" + i)));
      }
      List<Long> handles = kept.stream().map(spill::keep).toList();
      for (int i = records.size() - 1; i >= 0; i--) {
        RunRecords.Kept k = spill.get(handles.get(i));
        AdaptedRecord back = k.record();
        assertEquals("r" + i, k.localId());
        assertEquals(kept.get(i).identity(), k.identity());
        assertEquals(records.get(i).id(), back.id());
        assertEquals(records.get(i).otherIds(), back.otherIds());
        assertTrue(Models.isomorphic(records.get(i).description(), back.description()), "record " + i);
      }
    }
  }

  @Test
  void keepsEveryKindOfTermWhateverItsLength() {
    org.eclipse.rdf4j.model.Model description = new org.eclipse.rdf4j.model.impl.LinkedHashModel();
    org.eclipse.rdf4j.model.BNode node = org.eclipse.rdf4j.model.util.Values.bnode("b1");
    IRI p = org.eclipse.rdf4j.model.util.Values.iri("https://example.org/p");
    description.add(AdaptedRecord.PRODUCT, p, org.eclipse.rdf4j.model.util.Values.literal("x".repeat(70_000) + " é ✓ 𝄞"));
    description.add(AdaptedRecord.PRODUCT, p, org.eclipse.rdf4j.model.util.Values.literal("Sistema", "pt-BR"));
    description.add(AdaptedRecord.PRODUCT, p, org.eclipse.rdf4j.model.util.Values.literal(2024));
    description.add(AdaptedRecord.PRODUCT, p, node);
    description.add(node, p, org.eclipse.rdf4j.model.util.Values.literal(""));
    description.add(node, p, org.eclipse.rdf4j.model.impl.SimpleValueFactory.getInstance().createLiteral("not a date",
        org.eclipse.rdf4j.model.vocabulary.XSD.DATETIME)); // kept as the source wrote it
    AdaptedRecord record = new AdaptedRecord(null, List.of("a", "b"), List.of(), List.of(), description, List.of());
    try (RecordSpill spill = new RecordSpill(dir)) {
      spill.keep(kept(records().get(0)));
      IdentityIndex.Entry identity = new IdentityIndex.Entry(Set.of("repo:https://example.org/é"), Set.of(),
          Set.of("software|x", "software|y"), Set.of("owner:example.org"));
      RunRecords.Kept k = spill.get(spill.keep(new RunRecords.Kept("x", record, identity)));
      assertEquals(identity, k.identity());
      AdaptedRecord back = k.record();
      assertEquals(null, back.id());
      assertEquals(List.of("a", "b"), back.otherIds());
      assertEquals(description, back.description(), "the same terms, blank node labels too");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void mintsTheSameGraphAndContactsFromTheFileAsFromMemory() throws Exception {
    try (RecordSpill spill = new RecordSpill(dir)) {
      MintedContent fromFile = minted(spill);
      MintedContent fromMemory = minted(RunRecords.inMemory());
      assertTrue(Models.isomorphic(graph(fromMemory), graph(fromFile)));
      Model peopleFromMemory = fromMemory.takePeople();
      assertFalse(peopleFromMemory.isEmpty(), "the records name people");
      assertTrue(Models.isomorphic(peopleFromMemory, fromFile.takePeople()));
    }
  }

  @Test
  void leavesNoFileOnceClosedAndClearsFilesACrashLeft() throws Exception {
    new RecordSpill(dir).close();
    assertEquals(0, Files.list(dir).count());
    RecordSpill left = new RecordSpill(dir);
    left.keep(kept(records().get(0)));
    ProblemLog problems = new ProblemLog(dir);
    for (int i = 0; i <= ProblemLog.HELD; i++) {
      problems.add(org.dpgfed.harvester.model.Problem.warning("r", null, "problem " + i));
    }
    assertEquals(1, Files.list(dir).count(), "the problems past those held in memory (the records' file has no name)");
    RecordSpill.clear(dir);
    assertEquals(0, Files.list(dir).count());
    left.close();
  }

  private static RunRecords.Kept kept(AdaptedRecord record) {
    return new RunRecords.Kept("r", record, Identity.entry(record, "s", "r"));
  }

  private MintedContent minted(RunRecords.Keeper keeper) throws Exception {
    RunRecords run = new RunRecords("s", Golden.IRIS, keeper, new ProblemLog(null));
    records().forEach(run::add);
    return new MintedContent(new RecordMinter(Golden.IRIS), run, ProductKeys.WITHIN_RUN.keys(run), Golden.RUN, null);
  }

  private static Model graph(MintedContent content) {
    Model graph = new org.eclipse.rdf4j.model.impl.LinkedHashModel();
    content.forEachBatch(graph::addAll);
    return graph;
  }
}
