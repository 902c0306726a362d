package org.dpgfed.harvester.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dpgfed.harvester.harvest.RecordMinter;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every real file of every shared source folder adapts without an exception (the one file refused
 * is not well-formed); prints records, products and invalid
 * counts per folder. Skipped when {@code ../shared} is absent.
 */
class SharedSourcesTest {
  private static final Path DATA = Path.of(System.getProperty("user.dir"), "..", "shared", "data", "sources").normalize();
  private static final Map<String, String> FORMAT_BY_EXTENSION = Map.of(
      "yml", "publiccode-yaml", "ttl", "rdf", "rdf", "rdf", "jsonld", "rdf");
  private final Adapters adapters = Adapters.standard();

  @BeforeAll
  static void needsTheSharedData() {
    assumeTrue(Files.isDirectory(DATA), "no shared data at " + DATA);
  }

  @ParameterizedTest
  @ValueSource(strings = {"publiccode", "codegov", "dcat"})
  void adaptsEveryRealFileOfTheFolder(String folder) throws IOException {
    List<Path> files = files(DATA.resolve(folder));
    assertTrue(files.size() >= 5, folder + " holds the real files");
    int records = 0;
    int invalid = 0;
    java.util.Set<Value> products = new java.util.HashSet<>();
    List<String> refused = new ArrayList<>();
    for (Path file : files) {
      String format = format(file);
      Page page = new Page(file.toUri().toString(), null, Files.readAllBytes(file));
      try {
        AdaptedPage adapted = adapters.forFormat(format).orElseThrow().adapt(page);
        RecordMinter.Minted minted = Golden.mintAll(adapted, folder);
        records += minted.records().size();
        invalid += minted.invalid();
        products.addAll(minted.graph().filter(null, FOAF.PRIMARY_TOPIC, null).objects());
      } catch (AdapterException e) {
        refused.add(file.getFileName() + ": " + e.getMessage());
      }
    }
    System.out.printf("%s: %d files, %d records, %d products, %d invalid, %d files refused%n",
        folder, files.size(), records, products.size(), invalid, refused.size());
    refused.forEach(r -> System.out.println("  refused " + r));
    // ckanext-dcat's dataset.ttl uses the prefix healthdcatap: without declaring it: not Turtle
    assertTrue(refused.stream().allMatch(r -> r.startsWith("dataset.ttl: ") && r.contains("line 149")),
        "only files that are not what they claim to be are refused: " + refused);
    assertTrue(records > 0);
  }

  /** Which adapter reads a file of the shared data set; schema and index files are not sources. */
  private static String format(Path file) {
    String name = file.getFileName().toString();
    if (name.startsWith("software-page")) {
      return "publiccode-catalog";
    }
    if (name.endsWith(".codemeta.json")) {
      return "rdf";
    }
    String extension = name.substring(name.lastIndexOf('.') + 1);
    return FORMAT_BY_EXTENSION.getOrDefault(extension, "code-json");
  }

  private static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.toString().matches(".*\\.(yml|ttl|rdf|jsonld|json)$"))
          .filter(p -> !p.toString().contains("schema") && !p.getFileName().toString().equals("agency_metadata.json"))
          .sorted().toList();
    }
  }
}
