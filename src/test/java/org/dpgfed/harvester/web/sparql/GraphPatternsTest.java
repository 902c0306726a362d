package org.dpgfed.harvester.web.sparql;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GRAPH ?g} questions of every shape (several joined patterns, OPTIONAL, UNION, MINUS,
 * EXISTS, two groups) read only the visible graphs, whichever way each pattern reads: Jena over the
 * visible graphs alone gives the same answers, and none holds the feed's graph or its versions.
 */
class GraphPatternsTest {
  private static final String PREFIXES = "PREFIX dct: <http://purl.org/dc/terms/>\n";
  private static final String FEED_GRAPH = TestNode.BASE + "/graph/feed";
  private static final List<String> QUESTIONS = List.of(
      "SELECT ?p ?t ?g WHERE { GRAPH ?g { ?p dct:subject ?s ; dct:license ?l ; dct:title ?t } } ORDER BY ?t ?p ?g",
      "SELECT ?p ?t ?l ?g WHERE { GRAPH ?g { ?p dct:subject ?s ; dct:title ?t OPTIONAL { ?p dct:license ?l ; dct:title ?t2 } "
          + "FILTER(STRLEN(?t) > 1) } }",
      "SELECT ?p ?x ?g WHERE { GRAPH ?g { ?p dct:title ?t ; dct:subject ?s { ?p dct:license ?x } UNION { ?p dct:subject ?x } } }",
      "SELECT ?p ?g WHERE { GRAPH ?g { ?p dct:title ?t ; dct:license ?l FILTER EXISTS { ?p dct:subject ?s } } }",
      "SELECT ?p ?g WHERE { GRAPH ?g { ?p dct:title ?t ; dct:license ?l MINUS { ?p dct:subject <urn:x:none> } } }",
      "SELECT ?p ?t WHERE { GRAPH ?g { ?p dct:title ?t } GRAPH ?g { ?p dct:license ?l } } ORDER BY ?t ?p",
      "SELECT ?p ?g WHERE { { GRAPH ?g { ?p dct:title ?t } } UNION { GRAPH ?g { ?p dct:license ?l ; dct:subject ?s } } }",
      "SELECT ?p ?h WHERE { GRAPH ?g { ?p dct:title ?t } OPTIONAL { GRAPH ?h { ?p dct:license ?l ; dct:subject ?s } } }",
      "SELECT ?x ?o ?g WHERE { { GRAPH ?g { ?x dct:title ?o } } UNION { GRAPH ?g { ?x a ?type ; dct:isVersionOf ?o } } }",
      "SELECT ?x ?v ?h WHERE { GRAPH ?g { ?x dct:title ?t } OPTIONAL { GRAPH ?h { ?v a ?type ; dct:isVersionOf ?x } } }",
      "SELECT ?x ?v WHERE { GRAPH ?g { ?x a ?type ; dct:title ?t OPTIONAL { ?v dct:isVersionOf ?x ; a ?vt } } }");

  @TempDir static Path dir;
  static Vertx vertx;
  static TestNode node;
  static Dataset visible;
  static Set<String> versions = new HashSet<>();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    node = TestNode.startHarvested(vertx, dir, "groups", TestNode.environment(dir.resolve("data")));
    visible = DatasetFactory.createTxnMem();
    try (QueryExecution graphs = remote("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")) {
      graphs.execSelect().forEachRemaining(row -> {
        String graph = row.getResource("g").getURI();
        try (QueryExecution read = remote("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <" + graph + "> { ?s ?p ?o } }")) {
          Model model = read.execConstruct();
          visible.addNamedModel(graph, model);
        }
      });
    }
    RDFParser.fromString(Http.get(node.url("/feed/page/1"), "text/turtle").body(), Lang.TURTLE).toModel()
        .listSubjectsWithProperty(DCTerms.isVersionOf).forEach(version -> versions.add(version.getURI()));
  }

  @AfterAll
  static void stop() {
    node.close();
    vertx.close();
  }

  private static QueryExecution remote(String query) {
    return QueryExecutionHTTP.service(node.url("/sparql")).query(query).build();
  }

  private static ResultSetRewindable jena(String query, Dataset data) {
    try (QueryExecution local = QueryExecutionFactory.create(query, data)) {
      return ResultSetFactory.copyResults(local.execSelect());
    }
  }

  private static boolean same(String query, ResultSetRewindable expected, ResultSetRewindable actual) {
    expected.reset();
    actual.reset();
    return query.contains("ORDER BY") ? ResultSetCompare.equalsByTermAndOrder(expected, actual)
        : ResultSetCompare.equalsByTerm(expected, actual);
  }

  @Test
  void aGroupAnswersAsJenaOverTheVisibleGraphs() {
    for (String question : QUESTIONS) {
      String query = PREFIXES + question;
      ResultSetRewindable expected = jena(query, visible);
      ResultSetRewindable actual;
      try (QueryExecution remote = remote(query)) {
        actual = ResultSetFactory.copyResults(remote.execSelect());
      }
      assertTrue(expected.size() > 0, "the question must have answers: " + question);
      String shown = "Jena:\n" + ResultSetFormatter.asText(expected) + "ours:\n" + ResultSetFormatter.asText(actual);
      expected.reset();
      actual.reset();
      assertTrue(same(query, expected, actual), () -> "answers differ for: " + question + "\n" + shown);
    }
  }

  @Test
  void noAnswerHoldsTheFeedsGraphOrItsVersions() {
    assertFalse(versions.isEmpty(), "the feed's graph holds versions of the products");
    for (String question : QUESTIONS) {
      try (QueryExecution remote = remote(PREFIXES + question)) {
        remote.execSelect().forEachRemaining(row -> row.varNames().forEachRemaining(name -> {
          String value = row.get(name).toString();
          assertFalse(value.equals(FEED_GRAPH) || versions.contains(value), question + " answers " + value);
        }));
      }
    }
  }
}
