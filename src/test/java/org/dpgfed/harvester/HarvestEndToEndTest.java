package org.dpgfed.harvester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.dpgfed.harvester.testing.FakeRegistry;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node harvests two fake national registries over HTTP, and Apache Jena referees: every
 * question asked of our endpoint through Jena's HTTP client must get the answer Jena's own engine
 * gives over the expected RDF (golden files, reviewed by hand).
 */
class HarvestEndToEndTest {
  private static final Path FIXTURES = Path.of("src/test/resources/e2e");
  private static final String PREFIXES = """
      PREFIX dct: <http://purl.org/dc/terms/>
      PREFIX dcat: <http://www.w3.org/ns/dcat#>
      PREFIX foaf: <http://xmlns.com/foaf/0.1/>
      PREFIX prov: <http://www.w3.org/ns/prov#>
      PREFIX schema: <http://schema.org/>
      PREFIX dpg: <https://w3id.org/dpgfed/vocab#>
      PREFIX sdg: <http://metadata.un.org/sdg/>
      PREFIX spdx: <http://spdx.org/licenses/>
      PREFIX country: <http://publications.europa.eu/resource/authority/country/>
      """;
  /** Questions over the source graphs; {@code %s} stands where the graph filter goes. */
  private static final List<String> QUESTIONS = List.of(
      "SELECT ?product ?title WHERE { GRAPH ?g { ?product dct:title ?title } %s }",
      "SELECT ?record ?id ?product WHERE { GRAPH ?g { ?record a dcat:CatalogRecord ; dct:identifier ?id ; foaf:primaryTopic ?product } %s }",
      """
      SELECT ?sdg (COUNT(DISTINCT ?product) AS ?products) WHERE {
        GRAPH ?g { ?product dct:type ?type ; dct:subject ?sdg ; dpg:deploymentCountry country:KEN } %s
      } GROUP BY ?sdg ORDER BY ?sdg""",
      """
      SELECT ?product (MIN(STR(?g)) AS ?first) (MAX(STR(?g)) AS ?last) (COUNT(DISTINCT ?g) AS ?n) WHERE {
        GRAPH ?g { ?product dct:license spdx:CC-BY-4.0 } %s
      } GROUP BY ?product""",
      "SELECT DISTINCT ?repo WHERE { GRAPH ?g { ?p schema:codeRepository ?repo } %s } ORDER BY ?repo",
      "SELECT ?product ?country WHERE { GRAPH ?g { ?product dpg:deploymentCountry ?country } %s }",
      "SELECT ?product ?label WHERE { GRAPH ?g { ?product dpg:deploymentCountryLabel ?label } %s }",
      "ASK { GRAPH ?g { ?p dct:subject sdg:16 } %s }");

  @TempDir static Path dir;
  static Vertx vertx;
  static FakeRegistry registry;
  static TestNode node;
  static JsonObject v1Run;
  static JsonObject v2Run;

  @BeforeAll
  static void harvestTwoRegistries() {
    vertx = Vertx.vertx();
    registry = FakeRegistry.on(vertx);
    registry.serveFile("/api/dpgs/", FIXTURES.resolve("registry-v1.json"))
        .serveFile("/v2/dpgs", FIXTURES.resolve("registry-v2.json"));
    node = TestNode.start(vertx, dir);
    v1Run = node.awaitRun(TestNode.firstRunId(node.register(source("ke-registry", registry.url("/api/dpgs/")))));
    v2Run = node.awaitRun(TestNode.firstRunId(node.register(source("ke-health", registry.url("/v2/dpgs")))));
  }

  static JsonObject source(String id, String url) {
    return new JsonObject().put("id", id).put("title", "Registry " + id).put("url", url)
        .put("format", "dpga-json").put("schedule", "PT6H").put("country", "KE");
  }

  @AfterAll
  static void stop() {
    node.close();
    vertx.close();
  }

  @Test
  void runsReportWhatTheyHarvested() {
    assertEquals("succeeded", v1Run.getString("status"), v1Run.encode());
    assertEquals(4, v1Run.getInteger("records"));
    assertEquals(4, v1Run.getInteger("added"));
    assertEquals(0, v1Run.getInteger("removed"));
    assertTrue(v1Run.getLong("triples") > 40);
    assertEquals("succeeded", v2Run.getString("status"), v2Run.encode());
    assertEquals(2, v2Run.getInteger("records"));
    assertEquals(0, v1Run.getInteger("invalid"));
  }

  @Test
  void eachSourceGraphIsExactlyTheExpectedRdf() {
    for (String source : List.of("ke-registry", "ke-health")) {
      Graph ours = construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <" + graph(source) + "> { ?s ?p ?o "
          + "FILTER(?p NOT IN (prov:wasGeneratedBy, prov:generatedAtTime, prov:wasDerivedFrom)) } }");
      Graph expected = expected(source).getGraph();
      assertTrue(ours.isIsomorphicWith(expected), () -> source + " differs from its golden file:\n" + diff(ours, expected));
    }
  }

  @Test
  void jenaGetsTheSameAnswersFromOurEndpointAsFromItsOwnEngine() {
    Dataset reference = DatasetFactory.createTxnMem();
    for (String source : List.of("ke-registry", "ke-health")) {
      reference.addNamedModel(graph(source), expected(source));
    }
    for (String question : QUESTIONS) {
      String query = PREFIXES + question.formatted("FILTER(STRSTARTS(STR(?g), \"" + TestNode.BASE + "/graph/source/\"))");
      if (query.contains("ASK")) {
        try (QueryExecution local = QueryExecutionFactory.create(query, reference);
             QueryExecution remote = QueryExecutionHTTP.service(node.url("/sparql")).query(query).build()) {
          assertEquals(local.execAsk(), remote.execAsk(), question);
        }
        continue;
      }
      try (QueryExecution local = QueryExecutionFactory.create(query, reference);
           QueryExecution remote = QueryExecutionHTTP.service(node.url("/sparql")).query(query).build()) {
        ResultSetRewindable expected = ResultSetFactory.copyResults(local.execSelect());
        ResultSetRewindable actual = ResultSetFactory.copyResults(remote.execSelect());
        assertTrue(expected.size() > 0, "the question must have answers: " + question);
        boolean same = query.contains("ORDER BY") ? ResultSetCompare.equalsByTermAndOrder(expected, actual)
            : ResultSetCompare.equalsByTerm(expected, actual);
        assertTrue(same, "answers differ for: " + question);
      }
    }
  }

  /**
   * The default graph is an RDF graph, a set: a triple that two source graphs both hold (here the
   * shared product's type and title) matches once, as in Jena over the merge of every graph the
   * endpoint shows by name; also for a query with a path, which reads through a dataset.
   */
  @Test
  void theDefaultGraphHoldsATripleOfSeveralGraphsOnce() {
    Model union = ModelFactory.createDefaultModel();
    Map<Triple, Set<Node>> graphsOf = new HashMap<>();
    try (QueryExecution remote = QueryExecutionHTTP.service(node.url("/sparql"))
        .query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }").build()) {
      remote.execSelect().forEachRemaining(row -> {
        Triple triple = Triple.create(row.get("s").asNode(), row.get("p").asNode(), row.get("o").asNode());
        union.getGraph().add(triple);
        graphsOf.computeIfAbsent(triple, t -> new HashSet<>()).add(row.get("g").asNode());
      });
    }
    assertTrue(graphsOf.values().stream().anyMatch(graphs -> graphs.size() > 1), "some triple is in two graphs");
    for (String question : List.of("SELECT ?p ?t WHERE { ?p a dcat:Resource ; dct:title ?t }",
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "SELECT ?s ?o WHERE { ?s a ?o }",
        "SELECT ?p ?t WHERE { ?p a dcat:Resource ; dct:title ?t . ?p <urn:x:none>* ?p }")) {
      String query = PREFIXES + question;
      try (QueryExecution local = QueryExecutionFactory.create(query, union);
           QueryExecution remote = QueryExecutionHTTP.service(node.url("/sparql")).query(query).build()) {
        ResultSetRewindable expected = ResultSetFactory.copyResults(local.execSelect());
        ResultSetRewindable actual = ResultSetFactory.copyResults(remote.execSelect());
        String shown = "Jena:\n" + ResultSetFormatter.asText(expected) + "ours:\n" + ResultSetFormatter.asText(actual);
        expected.reset();
        actual.reset();
        assertTrue(expected.size() > 0, "the question must have answers: " + question);
        assertTrue(ResultSetCompare.equalsByTerm(expected, actual), () -> "answers differ for: " + question + "\n" + shown);
      }
    }
  }

  @Test
  void recordsSharingARepositoryAreOneProduct() {
    String query = PREFIXES + "SELECT (COUNT(DISTINCT ?product) AS ?n) WHERE { GRAPH <" + graph("ke-registry")
        + "> { ?r foaf:primaryTopic ?product } }";
    try (QueryExecution remote = QueryExecutionHTTP.service(node.url("/sparql")).query(query).build()) {
      assertEquals(3, remote.execSelect().next().getLiteral("n").getInt(), "4 records, two of which share a repository");
    }
  }

  @Test
  void aProductListedByTwoSourcesHasOneIriInBoth() {
    String query = PREFIXES + "SELECT ?product WHERE { GRAPH <" + graph("ke-registry") + "> { ?product dct:title ?t1 } "
        + "GRAPH <" + graph("ke-health") + "> { ?product dct:title ?t2 } }";
    try (QueryExecution remote = QueryExecutionHTTP.service(node.url("/sparql")).query(query).build()) {
      assertEquals(1, ResultSetFactory.copyResults(remote.execSelect()).size());
    }
  }

  @Test
  void contactsAreNeverPublished() {
    try (QueryExecution remote = QueryExecutionHTTP.service(node.url("/sparql"))
        .query("ASK { GRAPH ?g { ?s ?p ?o FILTER(CONTAINS(STR(?o), \"a.person\")) } }").build()) {
      assertTrue(!remote.execAsk());
    }
  }

  private static String graph(String source) {
    return TestNode.BASE + "/graph/source/" + source;
  }

  private static Graph construct(String query) {
    try (QueryExecution remote = QueryExecutionHTTP.service(node.url("/sparql")).query(PREFIXES + query).build()) {
      return remote.execConstruct().getGraph();
    }
  }

  /** The golden file; run with -Dgolden.write=true once to record a new one, then review it. */
  private static Model expected(String source) {
    Path file = FIXTURES.resolve(source + ".expected.ttl");
    if (Boolean.getBoolean("golden.write")) {
      Graph ours = construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <" + graph(source) + "> { ?s ?p ?o "
          + "FILTER(?p NOT IN (prov:wasGeneratedBy, prov:generatedAtTime, prov:wasDerivedFrom)) } }");
      try (var out = Files.newOutputStream(file)) {
        RDFDataMgr.write(out, org.apache.jena.rdf.model.ModelFactory.createModelForGraph(ours), Lang.TURTLE);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return RDFParser.source(file).lang(Lang.TURTLE).toModel();
  }

  private static String diff(Graph ours, Graph expected) {
    StringBuilder out = new StringBuilder();
    ours.find().forEach(t -> {
      if (!t.getSubject().isBlank() && !t.getObject().isBlank() && !expected.contains(t)) {
        out.append("+ ").append(t).append('\n');
      }
    });
    expected.find().forEach(t -> {
      if (!t.getSubject().isBlank() && !t.getObject().isBlank() && !ours.contains(t)) {
        out.append("- ").append(t).append('\n');
      }
    });
    out.append("sizes: ours ").append(ours.size()).append(", expected ").append(expected.size());
    return out.toString();
  }

}
