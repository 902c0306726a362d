package org.dpgfed.harvester.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.eclipse.rdf4j.model.Statement;
import org.dpgfed.harvester.cli.Commands;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.store.TripleStore;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestNode;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.query.QueryResults;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.ParserConfig;
import org.eclipse.rdf4j.rio.helpers.BasicParserSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups through the API and the command line, taken while the node works, and restores that give the same store. */
class BackupRestoreTest {
  @TempDir Path tmp;
  Vertx vertx;
  FakeRegistry registry;
  Iris iris = new Iris(TestNode.BASE);

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    registry = FakeRegistry.deploy(vertx);
    registry.serve("/hang", FakeRegistry.Answer.silence());
  }

  @AfterEach
  void stop() {
    vertx.close();
  }

  private static JsonObject source(String id, String url) {
    return new JsonObject().put("id", id).put("title", id).put("url", url).put("format", "dpga-json").put("schedule", "PT6H");
  }

  private int cli(String... args) {
    return Commands.standard().run(args);
  }

  private Path config(Path dataDir) throws IOException {
    Path file = tmp.resolve("restore-" + dataDir.getFileName() + ".yaml");
    Files.writeString(file, "store:\n  dataDir: " + dataDir + "\n");
    return file;
  }

  private static Model parse(Path snapshot) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(snapshot))) {
      return Rio.parse(in, "", RDFFormat.NQUADS, new ParserConfig().set(BasicParserSettings.PRESERVE_BNODE_IDS, true));
    }
  }

  private static Model everything(Path dataDir) {
    try (TripleStore store = TripleStore.openEmbedded(dataDir)) {
      return store.read(conn -> QueryResults.asModel(conn.getStatements(null, null, null, false)));
    }
  }

  private static Set<Statement> difference(Model a, Model b) {
    Set<Statement> missing = new HashSet<>(a);
    missing.removeAll(b);
    return missing;
  }

  private static Set<Statement> withoutBlankNodes(Set<Statement> statements) {
    Set<Statement> kept = new HashSet<>(statements);
    kept.removeIf(st -> st.getSubject().isBNode() || st.getObject().isBNode());
    return kept;
  }

  @Test
  void aBackupTakenDuringAHarvestHoldsEveryGraphAsLastCommitted() throws Exception {
    Path dataDir = tmp.resolve("node");
    Path snapshot = tmp.resolve("during.nq.gz");
    JsonObject run;
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      run = node.awaitRun(TestNode.firstRunId(node.register(source("ke-registry", registry.url("/dpgs")))));
      node.register(source("slow", registry.url("/hang")));
      TestNode.await(registry.awaitHits("/hang", 1));
      assertEquals(0, cli("backup", snapshot.toString(), "--node", node.url(""), "--token", TestNode.ADMIN));
      assertEquals(401, Http.post(node.url("/api/backup"), "text/plain", "").statusCode(), "backups need the admin token");
    }
    Model quads = parse(snapshot);
    Model records = quads.filter(null, RDF.TYPE, DCAT.CATALOG_RECORD, iris.sourceGraph("ke-registry"));
    assertEquals((int) run.getInteger("records"), records.size());
    assertFalse(quads.filter(iris.run(run.getString("id")), null, null, iris.metaGraph()).isEmpty(), "run history is in it");
    assertFalse(quads.filter(iris.source("slow"), null, null, iris.metaGraph()).isEmpty(), "sources are in it");
    assertTrue(quads.filter(null, null, null, iris.sourceGraph("slow")).isEmpty(), "the unfinished harvest wrote nothing");
  }

  @Test
  void aRestoredStoreHasTheSameQuadsSourcesAndRuns() throws Exception {
    Path dataDir = tmp.resolve("node");
    Path snapshot = tmp.resolve("all.nq.gz");
    Path oneGraph = tmp.resolve("one.nq.gz");
    JsonObject sources;
    JsonObject runs;
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      node.awaitRun(TestNode.firstRunId(node.register(source("ke-registry", registry.url("/dpgs")))));
      assertEquals(0, cli("backup", snapshot.toString(), "--node", node.url(""), "--token", TestNode.ADMIN));
      assertEquals(0, cli("export", "--graph", iris.sourceGraph("ke-registry").stringValue(), oneGraph.toString(),
          "--node", node.url(""), "--token", TestNode.ADMIN));
      sources = new JsonObject(node.getText("/api/sources"));
      runs = new JsonObject(node.getText("/api/sources/ke-registry/runs"));
    }
    Model original = everything(dataDir);
    Path restoredDir = tmp.resolve("restored");
    assertEquals(0, cli("restore", snapshot.toString(), "--config", config(restoredDir).toString()));
    Model restored = everything(restoredDir);
    assertEquals(original.size(), restored.size());
    assertEquals(original.contexts(), restored.contexts());
    assertEquals(Set.of(), withoutBlankNodes(difference(original, restored)), "the same quads");
    assertTrue(Models.isomorphic(original, restored), "the same quads, blank nodes up to their labels");
    assertTrue(Models.isomorphic(original.filter(null, null, null, iris.sourceGraph("ke-registry")), parse(oneGraph)),
        "export gives one graph");
    try (TestNode node = TestNode.start(vertx, restoredDir)) {
      assertEquals(sources, new JsonObject(node.getText("/api/sources")));
      assertEquals(runs, new JsonObject(node.getText("/api/sources/ke-registry/runs")));
    }
    assertEquals(1, registry.hits("/dpgs"), "the restored node did not need to harvest again");
  }

  @Test
  void restoreRefusesADataDirectoryThatIsNotEmpty() throws Exception {
    Path dataDir = tmp.resolve("node");
    Path snapshot = tmp.resolve("all.nq.gz");
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      node.awaitRun(TestNode.firstRunId(node.register(source("ke-registry", registry.url("/dpgs")))));
      assertEquals(0, cli("backup", snapshot.toString(), "--node", node.url(""), "--token", TestNode.ADMIN));
    }
    Model before = everything(dataDir);
    assertEquals(1, cli("restore", snapshot.toString(), "--config", config(dataDir).toString()));
    assertEquals(before, everything(dataDir), "the data directory is untouched");
  }
}
