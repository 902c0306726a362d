package org.dpgfed.harvester.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.Test;

/** Every dpg: term any adapter writes for any of its fixtures is defined in vocab/dpg.ttl. */
class EmittedTermsTest {
  private static final Map<String, String> FIXTURES = Map.of(
      "dpga", "dpga-json", "publiccode", "publiccode-yaml", "codejson", "code-json", "rdf", "rdf");

  @Test
  void everyDpgTermTheAdaptersWriteIsDefined() throws Exception {
    Model vocabulary;
    try (InputStream in = Files.newInputStream(Path.of("vocab", "dpg.ttl"))) {
      vocabulary = Rio.parse(in, "", RDFFormat.TURTLE);
    }
    Set<String> undefined = new TreeSet<>();
    Adapters adapters = Adapters.standard();
    for (var entry : FIXTURES.entrySet()) {
      Path dir = Path.of("src", "test", "resources", "source", entry.getKey());
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(f -> !f.toString().endsWith(".ttl") || entry.getKey().equals("rdf"))
            .filter(f -> !f.toString().endsWith(".expected.ttl")).toList()) {
          String format = file.toString().endsWith("catalog-page.json") ? "publiccode-catalog" : entry.getValue();
          AdaptedPage page = adapters.forFormat(format).orElseThrow()
              .adapt(new Page(file.toUri().toString(), null, Files.readAllBytes(file)));
          Golden.mint(page).stream().flatMap(st -> Stream.<Value>of(st.getPredicate(), st.getObject()))
              .filter(v -> v.isIRI() && v.stringValue().startsWith(DPG.NAMESPACE))
              .filter(v -> !vocabulary.contains((org.eclipse.rdf4j.model.IRI) v, null, null))
              .forEach(v -> undefined.add(file.getFileName() + ": " + v));
        }
      }
    }
    assertEquals(Set.of(), undefined);
  }
}
