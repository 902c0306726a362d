package org.dpgfed.harvester.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import io.vertx.core.json.JsonObject;

/**
 * Our endpoint against Apache Jena Fuseki (in memory, -Xmx4g, other settings default) on the same
 * triples: five query shapes at {@code bench.clients} clients (1, 8 and 32), {@code bench.reps}
 * repetitions alternating between the two (which goes first alternates too); each cell is the median.
 */
final class SparqlComparison {
  private static final String PREFIXES = "PREFIX dct: <http://purl.org/dc/terms/> PREFIX foaf: <http://xmlns.com/foaf/0.1/> ";

  static final String OURS_HEAP = "4g";
  private static final String FUSEKI_HEAP = "4g";
  private static final List<Integer> CLIENTS = java.util.Arrays.stream(System.getProperty("bench.clients", "1,8,32")
      .split(",")).map(String::trim).map(Integer::valueOf).toList();

  private final Benchmark bench;
  private final Child ours;
  private final NodeClient client;

  SparqlComparison(Benchmark bench, Child ours, NodeClient client) {
    this.bench = bench;
    this.ours = ours;
    this.client = client;
  }

  void measure(String graphA, String graphB) throws Exception {
    int port = Child.freePort();
    bench.table().add("sparql", "servers", Double.NaN, Double.NaN, "", "ours: " + Child.jvm(OURS_HEAP)
        + "; reference: Apache Jena Fuseki " + org.apache.jena.Jena.VERSION + ", in-memory TxnMem dataset, " + Child.jvm(FUSEKI_HEAP));
    try (Child fuseki = Child.start(FUSEKI_HEAP, FusekiMain.class.getName(), List.of(String.valueOf(port)), Map.of(), port,
        Path.of("target", "bench", "fuseki"))) {
      fuseki.awaitReady("/$/ping", System.nanoTime());
      for (String graph : client.graphs()) { // the same triples in the same graphs as ours serves
        java.io.InputStream triples = client.ntriples(graph);
        HttpResponse<String> loaded = Child.HTTP.send(HttpRequest.newBuilder(URI.create(fuseki.base + "/ds/data?graph="
            + URLEncoder.encode(graph, StandardCharsets.UTF_8))).header("Content-Type", "application/n-triples")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> triples)).build(), HttpResponse.BodyHandlers.ofString());
        if (loaded.statusCode() >= 300) {
          throw new IllegalStateException("Fuseki refused the data: " + loaded.statusCode() + " " + loaded.body());
        }
      }
      List<String> products = products();
      for (Map.Entry<String, Function<Random, String>> shape : shapes(products, graphA, graphB).entrySet()) {
        for (int clients : CLIENTS) {
          compare(shape.getKey(), shape.getValue(), clients, fuseki);
        }
      }
    }
  }

  private void compare(String shape, Function<Random, String> query, int clients, Child fuseki) throws Exception {
    List<Double> oursRate = new ArrayList<>();
    List<Double> theirsRate = new ArrayList<>();
    List<Double> oursP99 = new ArrayList<>();
    List<Double> theirsP99 = new ArrayList<>();
    long oursErrors = 0;
    long theirsErrors = 0;
    for (int rep = 0; rep < bench.reps(); rep++) {
      QueryLoad.Result a;
      QueryLoad.Result b;
      if (rep % 2 == 0) {
        a = QueryLoad.run(ours.base + "/sparql", query, clients, bench.seconds());
        b = QueryLoad.run(fuseki.base + "/ds/sparql", query, clients, bench.seconds());
      } else {
        b = QueryLoad.run(fuseki.base + "/ds/sparql", query, clients, bench.seconds());
        a = QueryLoad.run(ours.base + "/sparql", query, clients, bench.seconds());
      }
      oursRate.add(a.queriesPerSecond());
      theirsRate.add(b.queriesPerSecond());
      oursP99.add(a.p99Millis());
      theirsP99.add(b.p99Millis());
      oursErrors += a.errors();
      theirsErrors += b.errors();
    }
    bench.table().add("sparql", shape + " @" + clients, Table.median(oursRate), Table.median(theirsRate), "q/s",
        String.format(java.util.Locale.ROOT, "p99 %.1f / %.1f ms; errors %d / %d", Table.median(oursP99),
            Table.median(theirsP99), oursErrors, theirsErrors));
  }

  private List<String> products() throws Exception {
    String query = PREFIXES + "SELECT DISTINCT ?p WHERE { GRAPH ?g { ?r foaf:primaryTopic ?p } } LIMIT 2000";
    HttpResponse<String> r = Child.HTTP.send(HttpRequest.newBuilder(URI.create(ours.base + "/sparql?query="
        + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", "application/sparql-results+json").build(),
        HttpResponse.BodyHandlers.ofString());
    List<String> products = new ArrayList<>();
    new JsonObject(r.body()).getJsonObject("results").getJsonArray("bindings")
        .forEach(b -> products.add(((JsonObject) b).getJsonObject("p").getString("value")));
    return products;
  }

  private static Map<String, Function<Random, String>> shapes(List<String> products, String graphA, String graphB) {
    String[] licences = {"MIT", "Apache-2.0", "GPL-3.0-only", "BSD-3-Clause"};
    Map<String, Function<Random, String>> shapes = new LinkedHashMap<>();
    shapes.put("product by IRI", r -> "SELECT ?p ?o WHERE { GRAPH ?g { <" + products.get(r.nextInt(products.size()))
        + "> ?p ?o } }");
    shapes.put("filter SDG+licence, ORDER BY, LIMIT 100", r -> PREFIXES + "SELECT ?p ?t WHERE { GRAPH ?g { ?p dct:subject "
        + "<http://metadata.un.org/sdg/" + (1 + r.nextInt(17)) + "> ; dct:license <http://spdx.org/licenses/"
        + licences[r.nextInt(licences.length)] + "> ; dct:title ?t } } ORDER BY ?t LIMIT 100");
    shapes.put("count per SDG", r -> PREFIXES + "SELECT ?sdg (COUNT(DISTINCT ?p) AS ?n) WHERE { GRAPH ?g { ?p dct:subject "
        + "?sdg } } GROUP BY ?sdg");
    shapes.put("join across two sources", r -> PREFIXES + "SELECT ?p ?a ?b WHERE { GRAPH <" + graphA
        + "> { ?p dct:title ?a ; dct:subject <http://metadata.un.org/sdg/" + (1 + r.nextInt(17)) + "> } GRAPH <" + graphB
        + "> { ?p dct:title ?b } } LIMIT 100");
    String[] words = {"health", "water", "maps", "census", "learning"};
    shapes.put("text CONTAINS", r -> PREFIXES + "SELECT ?p ?t WHERE { GRAPH ?g { ?p dct:title ?t "
        + "FILTER(CONTAINS(LCASE(STR(?t)), \"" + words[r.nextInt(words.length)] + " toolkit 1" + r.nextInt(10) + "\")) } } LIMIT 100");
    return shapes;
  }
}
