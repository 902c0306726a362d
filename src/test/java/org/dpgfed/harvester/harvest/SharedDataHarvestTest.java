package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every real source file of every folder of ../shared/data/sources (when present) harvested through
 * one running node, each folder a registry: a JSON file of records (or a folder of them, as one
 * array) or a YAML, Turtle, RDF/XML or JSON-LD file is one source. Prints, per folder, the records,
 * products and invalid records, and how many products more than one registry lists. Schemas,
 * indexes, code lists and mapping tables are not sources.
 */
class SharedDataHarvestTest {
  private static final Path DATA = Path.of("..", "shared", "data", "sources");
  private static final List<String> FOLDERS = List.of("dpga", "publiccode", "codegov", "dcat", "globalgoods");
  /** Folders whose JSON files are one record each, harvested together as one array. */
  private static final List<String> PER_FILE_RECORDS = List.of("dpga/candidates/nominees", "dpga/candidates/archive",
      "dpga/candidates/digitalpublicgoods", "dpga/candidates/excluded-nominees", "dpga/api/2023-01-13/dpg",
      "dpga/api/2023-01-13/nominee", "globalgoods/individual");
  private static final String PRIMARY_TOPIC = "<http://xmlns.com/foaf/0.1/primaryTopic>";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Vertx vertx;
  static FakeRegistry registry;
  static TestNode node;
  static final Map<String, List<JsonObject>> runs = new TreeMap<>();

  @BeforeAll
  static void harvestEveryFolder() throws IOException {
    assumeTrue(FOLDERS.stream().allMatch(f -> Files.isDirectory(DATA.resolve(f))), "the shared source files are not here");
    vertx = Vertx.vertx();
    registry = FakeRegistry.on(vertx);
    node = TestNode.start(vertx, dir);
    for (String folder : FOLDERS) {
      for (Path file : files(DATA.resolve(folder))) {
        if (PER_FILE_RECORDS.stream().noneMatch(f -> file.startsWith(DATA.resolve(f))) && !isCataloguePage(file)) {
          registry.serveFile("/" + id(folder, file), file);
          harvest(folder, id(folder, file), format(file));
        }
      }
    }
    harvestTheCatalogue();
    for (String records : PER_FILE_RECORDS) {
      String folder = records.substring(0, records.indexOf('/'));
      String id = id(folder, DATA.resolve(records));
      registry.serve("/" + id, FakeRegistry.Answer.json(array(DATA.resolve(records))));
      harvest(folder, id, "dpga-json");
    }
    print();
  }

  /** The two catalogue pages are one source: page 1 links page 2 with a relative query ("?page[after]=..."). */
  private static void harvestTheCatalogue() throws IOException {
    Path pages = DATA.resolve("publiccode/developers-italia-api");
    registry.serveInOrder("/pc-developers-italia-api", FakeRegistry.Answer.json(Files.readString(pages.resolve("software-page1.json"))),
        FakeRegistry.Answer.json(Files.readString(pages.resolve("software-page2.json"))));
    harvest("publiccode", "pc-developers-italia-api", "publiccode-catalog");
  }

  private static boolean isCataloguePage(Path file) {
    return file.getFileName().toString().startsWith("software-page");
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
      vertx.close();
    }
  }

  @Test
  void everyFileHarvestsAndOnlyTheOneThatIsNotTurtleFails() {
    List<String> failed = new ArrayList<>();
    runs.values().forEach(list -> list.stream().filter(r -> !r.getString("status").equals("succeeded"))
        .forEach(r -> failed.add(r.getString("source") + ": " + r.getString("error"))));
    // ckanext-dcat's dataset.ttl uses the prefix healthdcatap: without declaring it
    assertEquals(1, failed.size(), failed.toString());
    assertTrue(failed.get(0).startsWith("dcat-ckanext-dcat-examples-dataset-ttl: ") && failed.get(0).contains("line 149"),
        failed.toString());
    FOLDERS.forEach(folder -> assertTrue(count(folder, "records") > 0, folder + " gave records"));
  }

  @Test
  void productsOfTheGuidebookMeetTheRegistrysAtLeastNineteenTimes() {
    assertTrue(sharedBetween("dpga", "globalgoods") >= 19, "the 19 exact repository matches of FORMATS.md section 6, at least");
  }

  /** Guidebook goods whose source code is an organisation's account, and those that must stay apart. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "dhis2, DHIS2, true",
      "odk, ODK, true",
      "rapidpro, RapidPro, true",
      "openmrs, OpenMRS, true",
      "godata, World Health Organization App, false"})
  void aGuidebookGoodIsOneProductWithTheRegistrysOnlyWhenItIsTheSameGood(String guidebookId, String dpgaName, boolean same) {
    String query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?r " + PRIMARY_TOPIC + " ?p } "
        + "FILTER(STRSTARTS(STR(?r), \"" + TestNode.BASE + "/id/record/gg-\") && STRENDS(STR(?r), \"/" + guidebookId + "\")) "
        + "GRAPH ?d { ?dr " + PRIMARY_TOPIC + " ?p . ?p <http://purl.org/dc/terms/title> ?t } "
        + "FILTER(STR(?t) = \"" + dpgaName + "\" && STRSTARTS(STR(?d), \"" + TestNode.BASE + "/graph/source/dpga-\")) }";
    assertEquals(same, select(query).get(0).get(0) > 0, guidebookId + (same ? " is " : " is not ") + dpgaName);
  }

  private static void print() {
    Map<String, Set<String>> registries = registriesByProduct();
    for (String folder : FOLDERS) {
      long products = registries.values().stream().filter(r -> r.contains(folder)).count();
      System.out.printf("%s: %d sources, %d records, %d products, %d invalid%n", folder, runs.get(folder).size(),
          count(folder, "records"), products, count(folder, "invalid"));
    }
    System.out.printf("products listed by more than one registry: %d%n",
        registries.values().stream().filter(r -> r.size() > 1).count());
    Map<String, Integer> pairs = new TreeMap<>();
    registries.values().stream().filter(r -> r.size() > 1).forEach(r -> pairs.merge(String.join("+", new java.util.TreeSet<>(r)), 1, Integer::sum));
    pairs.forEach((pair, n) -> System.out.printf("  %s: %d%n", pair, n));
  }

  private static long sharedBetween(String a, String b) {
    return registriesByProduct().values().stream().filter(r -> r.contains(a) && r.contains(b)).count();
  }

  /** Each product and the registries (folders) whose sources list it. */
  private static Map<String, Set<String>> registriesByProduct() {
    Map<String, Set<String>> registries = new HashMap<>();
    String prefix = TestNode.BASE + "/graph/source/";
    String query = "SELECT DISTINCT ?g ?p WHERE { GRAPH ?g { ?r " + PRIMARY_TOPIC + " ?p } }";
    try (QueryExecution q = QueryExecutionHTTP.service(node.url("/sparql")).query(query).build()) {
      q.execSelect().forEachRemaining(row -> {
        String source = row.getResource("g").getURI().substring(prefix.length());
        registries.computeIfAbsent(row.getResource("p").getURI(), p -> new HashSet<>()).add(folderOf(source));
      });
    }
    return registries;
  }

  private static String folderOf(String sourceId) {
    String prefix = sourceId.substring(0, sourceId.indexOf('-'));
    return FOLDERS.stream().filter(f -> abbreviation(f).equals(prefix)).findFirst().orElseThrow();
  }

  private static List<List<Long>> select(String query) {
    List<List<Long>> rows = new ArrayList<>();
    try (QueryExecution q = QueryExecutionHTTP.service(node.url("/sparql")).query(query).build()) {
      q.execSelect().forEachRemaining(row -> rows.add(List.of(row.getLiteral("n").getLong())));
    }
    return rows;
  }

  private static long count(String folder, String field) {
    return runs.getOrDefault(folder, List.of()).stream().mapToLong(r -> r.getInteger(field, 0)).sum();
  }

  private static void harvest(String folder, String id, String format) {
    JsonObject run = node.awaitRun(TestNode.firstRunId(node.register(new JsonObject().put("id", id).put("title", id)
        .put("url", registry.url("/" + id)).put("format", format).put("schedule", "manual"))));
    runs.computeIfAbsent(folder, f -> new ArrayList<>()).add(run);
  }

  private static String array(Path folder) throws IOException {
    ArrayNode all = JSON.createArrayNode();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        all.add(JSON.readTree(file.toFile()));
      }
    }
    return all.toString();
  }

  /** A source id from the folder and the file's path below it: "pc-github-x-road-publiccode-yml". */
  private static String id(String folder, Path file) {
    String below = DATA.resolve(folder).relativize(file).toString().toLowerCase().replaceAll("[^a-z0-9]+", "-");
    String id = abbreviation(folder) + "-" + below.replaceAll("^-|-$", "");
    return id.length() <= 63 ? id : id.substring(0, 46) + "-" + Integer.toHexString(id.hashCode());
  }

  private static String abbreviation(String folder) {
    return Map.of("dpga", "dpga", "publiccode", "pc", "codegov", "cg", "dcat", "dcat", "globalgoods", "gg").get(folder);
  }

  /** Which format reads a file: by what the folder holds, then by extension. */
  private static String format(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(".yml")) {
      return "publiccode-yaml";
    }
    if (name.endsWith(".codemeta.json") || !name.endsWith(".json")) {
      return "rdf";
    }
    return file.startsWith(DATA.resolve("codegov")) ? "code-json" : "dpga-json";
  }

  /** The source files of a folder: no schemas, indexes, code lists, mapping tables or notes. */
  private static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.toString().matches(".*\\.(yml|ttl|rdf|jsonld|json)$"))
          .filter(p -> !p.toString().contains("schema") && !p.toString().contains("reference")
              && !p.getFileName().toString().startsWith("index") && !p.getFileName().toString().equals("agency_metadata.json"))
          .sorted().toList();
    }
  }
}
