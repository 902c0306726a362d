package org.dpgfed.harvester.source.dpga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dpgfed.harvester.model.Problem;
import org.dpgfed.harvester.source.AdaptedPage;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.dpgfed.harvester.source.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every real DPGA file in the shared data set adapts without an exception, every record is valid,
 * and every licence id and country name in it is known. Skipped when {@code ../shared} is absent.
 */
class DpgaSharedDataTest {
  private static final Path DATA = Path.of(System.getProperty("user.dir"), "..", "shared", "data", "sources", "dpga")
      .normalize();
  private static final ObjectMapper JSON = new ObjectMapper();
  private final DpgaJsonAdapter adapter = new DpgaJsonAdapter();

  @BeforeAll
  static void needsTheSharedData() {
    assumeTrue(Files.isDirectory(DATA), "no shared DPGA data at " + DATA);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nominees", "archive", "excluded-nominees"})
  void adaptsEveryCandidateFileWithItsScreeningMergedIn(String folder) throws Exception {
    List<Path> files = jsonFiles(DATA.resolve("candidates").resolve(folder));
    assertTrue(files.size() > 20, "expected the real folder, found " + files.size() + " files");
    List<String> trouble = new ArrayList<>();
    for (Path file : files) {
      AdaptedPage page = adapter.adapt(new Page(file.toUri().toString(), "application/json", withScreening(file)));
      assertEquals(1, page.records().size(), file.toString());
      trouble.addAll(unexpected(file, page.records().get(0)));
    }
    assertEquals(List.of(), trouble);
  }

  @ParameterizedTest
  @ValueSource(strings = {"api/2022-03-27/dpgs.json", "api/2022-03-27/nominees.json", "api/2023-01-13/dpgs.json",
      "api/2023-01-13/nominees.json", "api-v2-readme-examples/dpgs.example.json",
      "api-v2-readme-examples/nominees.example.json", "api-v2-readme-examples/dpg-10275.example.json",
      "api-v2-readme-examples/nominee-10623.example.json"})
  void adaptsEveryApiListAndV2Example(String path) throws Exception {
    Path file = DATA.resolve(path);
    JsonNode json = JSON.readTree(file.toFile());
    AdaptedPage page = adapter.adapt(new Page(file.toUri().toString(), "application/json", Files.readAllBytes(file)));
    assertEquals(json.isArray() ? json.size() : 1, page.records().size());
    List<String> trouble = new ArrayList<>();
    page.records().forEach(record -> trouble.addAll(unexpected(file, record)));
    assertEquals(List.of(), trouble);
    page.records().forEach(record -> assertTrue(record.id() != null, "API records carry an id: " + file));
  }

  @Test
  void adaptsEveryV1DetailRecord() throws Exception {
    for (Path file : jsonFiles(DATA.resolve("api/2023-01-13/dpg"))) {
      AdaptedRecord record = adapter.adapt(new Page(file.toUri().toString(), null, Files.readAllBytes(file)))
          .records().get(0);
      assertEquals(List.of(), unexpected(file, record));
    }
  }

  /** Violations, unknown licence ids and unknown countries: none of them occur in the real data. */
  private static List<String> unexpected(Path file, AdaptedRecord record) {
    List<String> trouble = new ArrayList<>();
    for (Problem p : record.problems()) {
      boolean bad = !record.valid() || p.message().contains("not an SPDX licence id")
          || p.message().contains("unknown country") || p.message().contains("unknown product type");
      if (bad) {
        trouble.add(DATA.relativize(file) + " " + p.path() + ": " + p.message());
      }
    }
    return trouble;
  }

  /**
   * The v1 API merged a nominee file with the screening file of the same name; so does this test,
   * without letting the screening's {@code name} (a symlinked file's target name) win.
   */
  private static byte[] withScreening(Path nominee) throws IOException {
    Path screening = DATA.resolve("candidates/digitalpublicgoods").resolve(nominee.getFileName());
    if (!Files.exists(screening)) {
      return Files.readAllBytes(nominee);
    }
    ObjectNode merged = (ObjectNode) JSON.readTree(nominee.toFile());
    JSON.readTree(screening.toFile()).fields().forEachRemaining(field -> merged.putIfAbsent(field.getKey(), field.getValue()));
    return JSON.writeValueAsBytes(merged);
  }

  private static List<Path> jsonFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }
}
