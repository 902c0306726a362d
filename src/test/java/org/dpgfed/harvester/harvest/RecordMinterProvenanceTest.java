package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.PROV;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.junit.jupiter.api.Test;

class RecordMinterProvenanceTest {
  @Test
  void namesTheDocumentAndTheHarvestTimeOnEachRecord() {
    Iris iris = new Iris("https://dpg.example.org");
    AdaptedRecord record = new AdaptedRecord("x-road", List.of(), List.of("https://github.com/nordic-institute/x-road"),
        List.of(), new LinkedHashModel(), List.of());
    Model graph = new RecordMinter(iris).mint("ee", iris.run("r1"), List.of(record),
        new RecordMinter.Provenance("https://ria.example.ee/publiccode.yml", Instant.parse("2026-01-02T03:04:05Z"))).graph();
    IRI minted = iris.record("ee", "x-road");
    assertTrue(graph.contains(minted, PROV.WAS_DERIVED_FROM, Values.iri("https://ria.example.ee/publiccode.yml")));
    assertTrue(graph.contains(minted, PROV.GENERATED_AT_TIME, Values.literal("2026-01-02T03:04:05Z", XSD.DATETIME)));
  }
}
