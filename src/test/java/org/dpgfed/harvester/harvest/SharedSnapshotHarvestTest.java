package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.dpgfed.harvester.source.Urls;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry's real API snapshots (in ../shared when present), served by a local fake registry:
 * every record harvests, and products counted equal the records minus those that share an
 * identity string (a repository, else a website) or a cleaned name and an organisation (a
 * repository owner or a website host): "Open Hospital" and "OpenHospital" of github.com/informatici.
 */
class SharedSnapshotHarvestTest {
  private static final Path API = Path.of("..", "shared", "data", "sources", "dpga", "api");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Vertx vertx;
  static FakeRegistry registry;
  static TestNode node;

  @BeforeAll
  static void start() {
    assumeTrue(Files.isDirectory(API), "the shared registry snapshots are not here");
    vertx = Vertx.vertx();
    registry = FakeRegistry.on(vertx);
    node = TestNode.start(vertx, dir);
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
      vertx.close();
    }
  }

  static Stream<String> snapshots() {
    return Stream.of("2022-03-27/dpgs.json", "2022-03-27/nominees.json", "2023-01-13/dpgs.json", "2023-01-13/nominees.json");
  }

  @ParameterizedTest
  @MethodSource("snapshots")
  void everyRecordHarvestsAndSharedIdentitiesMakeOneProduct(String snapshot) throws IOException {
    Path file = API.resolve(snapshot);
    JsonNode records = JSON.readTree(file.toFile());
    String id = "snap-" + snapshot.replaceAll("[^a-z0-9]+", "-").replaceAll("-json$", "");
    registry.serveFile("/" + id, file);
    JsonObject run = node.awaitRun(TestNode.firstRunId(node.register(new JsonObject().put("id", id).put("title", snapshot)
        .put("url", registry.url("/" + id)).put("format", "dpga-json").put("schedule", "manual"))));
    assertEquals("succeeded", run.getString("status"), run.encode());
    assertEquals(records.size(), run.getInteger("records") + run.getInteger("invalid"), run.encode());
    assertEquals(0, run.getInteger("invalid"), run.encode());
    assertEquals(expectedProducts(records), products(id));
  }

  private static long products(String source) {
    String query = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { GRAPH <" + TestNode.BASE + "/graph/source/" + source
        + "> { ?r <http://xmlns.com/foaf/0.1/primaryTopic> ?p } }";
    try (var exec = QueryExecutionHTTP.service(node.url("/sparql")).query(query).build()) {
      return exec.execSelect().next().getLiteral("n").getLong();
    }
  }

  /** Groups records that share a repository (else a website), independently of the server's code. */
  static long expectedProducts(JsonNode records) {
    Map<String, Integer> owner = new HashMap<>();
    int[] parent = new int[records.size()];
    for (int i = 0; i < records.size(); i++) {
      parent[i] = i;
      List<String> joining = new ArrayList<>(identities(records.get(i)));
      joining.addAll(namesAndOrganisations(records.get(i)));
      for (String identity : joining) {
        Integer other = owner.putIfAbsent(identity, i);
        if (other != null) {
          parent[root(parent, i)] = root(parent, other);
        }
      }
    }
    long groups = 0;
    for (int i = 0; i < parent.length; i++) {
      groups += root(parent, i) == i ? 1 : 0;
    }
    return groups;
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      i = parent[i];
    }
    return i;
  }

  /** "name|organisation" for each cleaned name or alias, product type and repository owner or website host. */
  private static List<String> namesAndOrganisations(JsonNode record) {
    List<String> organisations = new ArrayList<>();
    record.path("repositories").forEach(r -> Urls.repository(r.isObject() ? r.path("url").asText("") : r.asText(""))
        .map(url -> url.split("/")).filter(parts -> parts.length > 4 && parts[2].matches("github\\.com|gitlab\\.com"))
        .ifPresent(parts -> organisations.add(parts[2] + "/" + parts[3])));
    Urls.website(record.path("website").asText("")).map(url -> url.split("/")[2]).ifPresent(organisations::add);
    List<String> names = new ArrayList<>();
    names.add(record.path("name").asText(""));
    record.path("aliases").forEach(a -> names.add(a.asText("")));
    List<String> signatures = new ArrayList<>();
    for (String name : names) {
      String cleaned = java.text.Normalizer.normalize(name.replaceAll("[®™©]", ""), java.text.Normalizer.Form.NFKD)
          .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
      if (cleaned.length() > 1) {
        record.path("type").forEach(t -> organisations.forEach(o -> signatures.add(t.asText() + "|" + cleaned + "|" + o)));
      }
    }
    return signatures;
  }

  private static List<String> identities(JsonNode record) {
    List<String> repos = new ArrayList<>();
    record.path("repositories").forEach(r -> Urls.repository(r.isObject() ? r.path("url").asText("") : r.asText(""))
        .filter(url -> !Urls.ownerOnly(url)).ifPresent(url -> repos.add("repo:" + url)));
    if (!repos.isEmpty()) {
      return repos;
    }
    return Urls.website(record.path("website").asText("")).map(url -> List.of("web:" + url))
        .orElse(List.of("rec:" + record.path("id").asText()));
  }
}
