package org.dpgfed.harvester.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dpgfed.harvester.harvest.Shapes;
import org.dpgfed.harvester.model.Problem;
import org.dpgfed.harvester.model.Severity;
import org.dpgfed.harvester.source.AdaptedPage;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.dpgfed.harvester.source.Page;
import org.dpgfed.harvester.source.publiccode.PubliccodeYamlAdapter;
import org.junit.jupiter.api.Test;

/** The project describes itself in publiccode.yml; its own harvester reads that file cleanly. */
class PubliccodeTest {
  @Test
  void theProjectsOwnPubliccodeYmlHarvestsWithoutProblems() throws Exception {
    Path file = Path.of("publiccode.yml");
    AdaptedPage page = new PubliccodeYamlAdapter().adapt(new Page(file.toUri().toString(), "application/yaml",
        Files.readAllBytes(file)));
    List<AdaptedRecord> records = Shapes.standard().check(page.records());
    assertEquals(1, records.size());
    assertTrue(records.get(0).valid(), records.get(0).problems().toString());
    // publiccode.yml has no field for SDGs, so the shapes' one recommendation it cannot meet is that one
    List<Problem> others = records.get(0).problems().stream().filter(p -> p.severity() != Severity.INFO)
        .filter(p -> !"http://purl.org/dc/terms/subject".equals(p.path())).toList();
    assertTrue(others.isEmpty(), others.toString());
    assertTrue(page.problems().isEmpty(), page.problems().toString());
  }
}
