package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real cross-registry duplicates of FORMATS.md section 6 (in ../shared when present): the DPGA
 * candidates and the publiccode.yml files and catalogue pages, each harvested as a source, give
 * one product per real-world good.
 */
class SharedDuplicatesTest {
  private static final Path DATA = Path.of("..", "shared", "data", "sources");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIXES = "PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX dct: <http://purl.org/dc/terms/> ";

  @TempDir static Path dir;
  static Vertx vertx;
  static FakeRegistry registry;
  static TestNode node;

  @BeforeAll
  static void harvestTheRegistries() throws IOException {
    assumeTrue(Files.isDirectory(DATA.resolve("dpga/candidates")) && Files.isDirectory(DATA.resolve("publiccode/github")),
        "the shared source files are not here");
    vertx = Vertx.vertx();
    registry = FakeRegistry.on(vertx);
    node = TestNode.start(vertx, dir);
    for (String folder : List.of("nominees", "archive")) {
      registry.serve("/dpga-" + folder, FakeRegistry.Answer.json(candidates(folder)));
      harvest("dpga-" + folder, "dpga-json");
    }
    Path pages = DATA.resolve("publiccode/developers-italia-api");
    ObjectNode first = (ObjectNode) JSON.readTree(pages.resolve("software-page1.json").toFile());
    ((ObjectNode) first.get("links")).put("next", registry.url("/italia-page2"));
    registry.serve("/italia", FakeRegistry.Answer.json(first.toString()));
    registry.serveFile("/italia-page2", pages.resolve("software-page2.json"));
    harvest("italia", "publiccode-catalog");
    for (String file : List.of("nordic-institute__X-Road", "opendatateam__udata", "openfisca__openfisca-core",
        "immuni-app__immuni-app-android")) {
      String id = "pc-" + file.replaceAll("__.*", "").toLowerCase().replaceAll("[^a-z0-9]+", "-");
      registry.serveFile("/" + id, DATA.resolve("publiccode/github/" + file + ".publiccode.yml"));
      harvest(id, "publiccode-yaml");
    }
    System.out.println("products listed by more than one source: " + count(
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT ?p WHERE { GRAPH ?g { ?r foaf:primaryTopic ?p } } "
            + "GROUP BY ?p HAVING (COUNT(DISTINCT ?g) > 1) }"));
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
      vertx.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "X-Road, pc-nordic-institute, https://w3id.org/dpgfed/vocab#match-repository",
      "GlobaLeaks, italia, https://w3id.org/dpgfed/vocab#match-alias",
      "uData, pc-opendatateam, https://w3id.org/dpgfed/vocab#match-repository",
      "OpenFisca, pc-openfisca, https://w3id.org/dpgfed/vocab#match-repository",
      "Immuni Android, pc-immuni-app, https://w3id.org/dpgfed/vocab#match-repository"})
  void theDuplicateIsOneProduct(String dpgaName, String publiccodeSource, String rule) {
    String named = "GRAPH ?d { ?dr foaf:primaryTopic ?p . ?p dct:title ?t } FILTER(STR(?t) = \"" + dpgaName
        + "\" && STRSTARTS(STR(?d), \"" + TestNode.BASE + "/graph/source/dpga-\")) ";
    assertEquals(1, count("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { " + named + "}"), dpgaName + " is one product in the DPGA");
    String listed = "GRAPH <" + TestNode.BASE + "/graph/source/" + publiccodeSource + "> { ?pr foaf:primaryTopic ?p ; "
        + "<https://w3id.org/dpgfed/vocab#matchedBy> <" + rule + "> } ";
    assertTrue(count("SELECT (COUNT(*) AS ?n) WHERE { " + named + listed + "}") > 0,
        dpgaName + " is the same product in " + publiccodeSource + ", matched by " + rule);
  }

  private static String candidates(String folder) throws IOException {
    ArrayNode all = JSON.createArrayNode();
    try (Stream<Path> files = Files.list(DATA.resolve("dpga/candidates").resolve(folder))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        all.add(JSON.readTree(file.toFile()));
      }
    }
    return all.toString();
  }

  private static void harvest(String id, String format) {
    JsonObject run = node.awaitRun(TestNode.firstRunId(node.register(new JsonObject().put("id", id).put("title", id)
        .put("url", registry.url("/" + id)).put("format", format))));
    assertEquals("succeeded", run.getString("status"), run.encode());
    System.out.printf("%s: %d records, %d invalid%n", id, run.getInteger("records"), run.getInteger("invalid"));
  }

  private static int count(String select) {
    try (QueryExecution q = QueryExecutionHTTP.service(node.url("/sparql")).query(PREFIXES + select).build()) {
      return q.execSelect().next().getLiteral("n").getInt();
    }
  }
}
