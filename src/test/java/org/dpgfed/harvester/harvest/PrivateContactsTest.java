package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.store.TripleStore;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestNode;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.query.QueryResults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * People's names, e-mails and phones: stored nowhere by default; with privacy.storeContacts, in the
 * private graph only, which no public path serves.
 */
class PrivateContactsTest {
  /** What the fixtures say about people: a DPGA organisation's contact and a publiccode.yml maintainer. */
  private static final List<String> PERSONAL = List.of("A. Person", "a.person@example.org", "Paola Persona",
      "paola.persona@example.it", "+390612345678");

  @TempDir Path dir;
  Vertx vertx;
  FakeRegistry registry;

  @BeforeEach
  void serve() throws IOException {
    vertx = Vertx.vertx();
    registry = FakeRegistry.on(vertx);
    registry.serveFile("/dpgs", Path.of("src/test/resources/e2e/registry-v1.json"));
    registry.serve("/publiccode.yml", FakeRegistry.Answer.bytes("application/yaml",
        Files.readAllBytes(Path.of("src/test/resources/harvest/reconcile/alpha-publiccode.yml"))));
  }

  @AfterEach
  void stop() {
    vertx.close();
  }

  @Test
  void byDefaultNoPersonalContactIsStoredAnywhere() {
    try (TestNode node = TestNode.start(vertx, dir)) {
      harvestBoth(node);
    }
    assertEquals(List.of(), personal(everyStatement()));
  }

  @Test
  void whenAllowedContactsGoToThePrivateGraphOnlyAndAreNeverServed() {
    try (TestNode node = storingContacts()) {
      harvestBoth(node);
      String everything = "CONSTRUCT { ?s ?p ?o } WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }";
      List<String> served = new ArrayList<>(List.of(
          Http.get(node.url("/sparql?query=" + java.net.URLEncoder.encode(everything, java.nio.charset.StandardCharsets.UTF_8)),
              "text/turtle").body(),
          Http.get(node.url("/id/record/pa/" + recordId()), "application/n-quads").body(),
          Http.get(node.url("/catalog"), "text/turtle").body(),
          Http.get(node.url("/feed"), "text/turtle").body(),
          Http.get(node.url("/feed/page/1"), "text/turtle").body()));
      assertTrue(served.get(0).contains("Alpha PA"), "the query reached the data");
      for (String body : served) {
        PERSONAL.forEach(p -> assertFalse(body.contains(p), p + " was served"));
      }
    }
    List<Statement> all = everyStatement();
    List<Statement> personal = personal(all);
    assertFalse(personal.isEmpty());
    String privateGraph = new Iris(TestNode.BASE).privateGraph().stringValue();
    assertTrue(personal.stream().allMatch(st -> privateGraph.equals(String.valueOf(st.getContext()))), personal.toString());
    for (String p : PERSONAL) {
      assertTrue(personal.stream().anyMatch(st -> st.getObject().stringValue().contains(p)), p + " is kept");
    }
  }

  @Test
  void deletingASourceForgetsItsContacts() {
    try (TestNode node = storingContacts()) {
      harvestBoth(node);
      assertEquals(204, TestNode.await(node.client().delete("/api/sources/pa").bearerTokenAuthentication(TestNode.ADMIN)
          .send()).statusCode());
    }
    List<Statement> personal = personal(everyStatement());
    assertTrue(personal.stream().anyMatch(st -> st.getObject().stringValue().contains("A. Person")), "other sources' stay");
    assertTrue(personal.stream().noneMatch(st -> st.getObject().stringValue().contains("Paola")), personal.toString());
  }

  private TestNode storingContacts() {
    Map<String, String> env = TestNode.environment(dir);
    env.put("DPG_PRIVACY_STORE_CONTACTS", "true");
    return TestNode.start(vertx, null, env);
  }

  private void harvestBoth(TestNode node) {
    for (JsonObject source : List.of(
        new JsonObject().put("id", "dpga").put("title", "DPGA").put("url", registry.url("/dpgs")).put("format", "dpga-json"),
        new JsonObject().put("id", "pa").put("title", "PA").put("url", registry.url("/publiccode.yml"))
            .put("format", "publiccode-yaml"))) {
      assertEquals("succeeded", node.awaitRun(TestNode.firstRunId(node.register(source))).getString("status"));
    }
  }

  /** The publiccode.yml's record id: it has no id, so the hash of its identity string. */
  private static String recordId() {
    return Identity.hash16("repo:https://github.com/ex/alpha");
  }

  private List<Statement> everyStatement() {
    try (TripleStore store = TestNode.openStore(dir)) {
      return store.read(conn -> QueryResults.asModel(conn.getStatements(null, null, null, false)).stream().toList());
    }
  }

  private static List<Statement> personal(List<Statement> statements) {
    return statements.stream().filter(st -> PERSONAL.stream().anyMatch(p -> st.getObject().stringValue().contains(p)))
        .toList();
  }
}
