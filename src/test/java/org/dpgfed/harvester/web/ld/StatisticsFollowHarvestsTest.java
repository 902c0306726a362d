package org.dpgfed.harvester.web.ld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.dpgfed.harvester.testing.BreakingSource;
import org.dpgfed.harvester.testing.FakeRegistry.Answer;
import org.dpgfed.harvester.testing.HarvestBench;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The VoID description and the service description count each source graph once for each state
 * of the store: asked again after a harvest changed the graph, they give its new counts.
 */
class StatisticsFollowHarvestsTest {
  /** The second harvest keeps one record of four. */
  @RegisterExtension static HarvestBench bench = HarvestBench.perClass(Map.of("DPG_HARVEST_MAX_REMOVED_SHARE", "1"));
  private static final String GRAPH = TestNode.BASE + "/graph/source/counted";
  private static final Node TRIPLES = NodeFactory.createURI("http://rdfs.org/ns/void#triples");
  private static final Node ENTITIES = NodeFactory.createURI("http://rdfs.org/ns/void#entities");

  @Test
  void countsAfterAChangedHarvestAreTheNewOnes() {
    JsonArray records = new JsonArray(Buffer.buffer(HarvestBench.goodBytes()));
    bench.registry().serve("/counted", Answer.json(records.encode()));
    assertEquals("succeeded", bench.node().awaitRun(TestNode.firstRunId(
        bench.node().register(BreakingSource.source(bench.registry(), "counted", "/counted")))).getString("status"));
    long[] first = fromSparql();
    assertEquals(first[0], voidCount(TRIPLES));
    assertEquals(first[1], voidCount(ENTITIES));
    assertEquals(first[1], serviceDescriptionEntities());

    bench.registry().serve("/counted", Answer.json(new JsonArray().add(records.getJsonObject(0)).encode()));
    assertEquals("succeeded", bench.node().harvest("counted").getString("status"));
    long[] second = fromSparql();
    assertNotEquals(first[0], second[0]);
    assertNotEquals(first[1], second[1]);
    assertEquals(second[0], voidCount(TRIPLES));
    assertEquals(second[1], voidCount(ENTITIES));
    assertEquals(second[1], serviceDescriptionEntities());
  }

  /** The graph's statements and distinct products, asked of the endpoint through Jena. */
  private static long[] fromSparql() {
    return new long[] {count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + GRAPH + "> { ?s ?p ?o } }"),
        count("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { GRAPH <" + GRAPH + "> { ?r <http://xmlns.com/foaf/0.1/primaryTopic> ?p } }")};
  }

  private static long count(String query) {
    try (var exec = QueryExecutionHTTP.service(bench.node().url("/sparql")).query(query).build()) {
      QuerySolution row = exec.execSelect().next();
      return row.getLiteral("n").getLong();
    }
  }

  private static long voidCount(Node property) {
    Graph description = RDFParser.fromString(Http.get(bench.node().url("/.well-known/void"), "text/turtle").body(),
        Lang.TURTLE).toGraph();
    return ((Number) description.find(NodeFactory.createURI(GRAPH), property, null).next().getObject().getLiteralValue())
        .longValue();
  }

  /** The service description's product count of the source graph. */
  private static long serviceDescriptionEntities() {
    DatasetGraph parsed = DatasetGraphFactory.createTxnMem();
    RDFParser.fromString(Http.get(bench.node().url("/sparql"), "text/turtle").body(), Lang.TURTLE).parse(parsed);
    Graph sd = parsed.getDefaultGraph();
    Node named = sd.find(null, NodeFactory.createURI("http://www.w3.org/ns/sparql-service-description#name"),
        NodeFactory.createURI(GRAPH)).next().getSubject();
    Node described = sd.find(named, NodeFactory.createURI("http://www.w3.org/ns/sparql-service-description#graph"), null)
        .next().getObject();
    return ((Number) sd.find(described, ENTITIES, null).next().getObject().getLiteralValue()).longValue();
  }
}
