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
 * triples, five query shapes at 1, 8 and 32 clients, runs alternating between the two.
 */
final class SparqlComparison {
  private static final String PREFIXES = "PREFIX dct: <http://purl.org/dc/terms/> PREFIX foaf: <http://xmlns.com/foaf/0.1/> ";

  private final Benchmark bench;
  private final Child ours;
  private final NodeClient client;

  SparqlComparison(Benchmark bench, Child ours, NodeClient client) {
    this.bench = bench;
    this.ours = ours;
    this.client = client;
  }

  void measure(String graphA, String graphB) throws Exception {
    int port = 18399;
    try (Child fuseki = Child.start("4g", FusekiMain.class.getName(), List.of(String.valueOf(port)), Map.of(), port,
        Path.of("target", "bench", "fuseki"))) {
      fuseki.awaitReady("/$/ping", System.nanoTime());
      for (String graph : List.of(graphA, graphB)) {
        HttpResponse<String> loaded = Child.HTTP.send(HttpRequest.newBuilder(URI.create(fuseki.base + "/ds/data?graph="
            + URLEncoder.encode(graph, StandardCharsets.UTF_8))).header("Content-Type", "application/n-triples")
            .POST(HttpRequest.BodyPublishers.ofByteArray(Benchmark.ntriples(client.graph(graph)))).build(),
            HttpResponse.BodyHandlers.ofString());
        if (loaded.statusCode() >= 300) {
          throw new IllegalStateException("Fuseki refused the data: " + loaded.statusCode() + " " + loaded.body());
        }
      }
      List<String> products = products();
      for (Map.Entry<String, Function<Random, String>> shape : shapes(products, graphA, graphB).entrySet()) {
        for (int clients : List.of(1, 8, 32)) {
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
    long errors = 0;
    for (int rep = 0; rep < Integer.getInteger("bench.reps", 3); rep++) {
      QueryLoad.Result a = QueryLoad.run(ours.base + "/sparql", query, clients, bench.seconds());
      QueryLoad.Result b = QueryLoad.run(fuseki.base + "/ds/sparql", query, clients, bench.seconds());
      oursRate.add(a.queriesPerSecond());
      theirsRate.add(b.queriesPerSecond());
      oursP99.add(a.p99Millis());
      theirsP99.add(b.p99Millis());
      errors += a.errors() + b.errors();
    }
    bench.table().add("sparql", shape + " @" + clients, Table.median(oursRate), Table.median(theirsRate), "q/s",
        String.format(java.util.Locale.ROOT, "p99 %.1f / %.1f ms; errors %d", Table.median(oursP99),
            Table.median(theirsP99), errors));
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
