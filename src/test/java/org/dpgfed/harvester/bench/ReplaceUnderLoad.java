package org.dpgfed.harvester.bench;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/** p99 of a point query while a 100,000-triple source graph is replaced again and again, versus idle. */
final class ReplaceUnderLoad {
  private final Benchmark bench;
  private final SourceServer server;

  ReplaceUnderLoad(Benchmark bench, SourceServer server) {
    this.bench = bench;
    this.server = server;
  }

  void measure() throws Exception {
    try (Child node = bench.node("2g", Map.of())) {
      NodeClient client = new NodeClient(node.base);
      client.harvest("stable", server.url("/dpga.json"), "dpga-json");
      JsonObject first = client.harvest("changing", server.url("/changing.json"), "dpga-json");
      String product = client.graph("https://bench.example.org/graph/source/stable").stream()
          .filter(st -> st.getPredicate().stringValue().endsWith("primaryTopic")).findFirst().orElseThrow()
          .getObject().stringValue();
      String query = "SELECT ?p ?o WHERE { <" + product + "> ?p ?o }";
      QueryLoad.Result idle = QueryLoad.run(node.base + "/sparql", Benchmark.fixed(query), 8, bench.seconds());
      AtomicBoolean loading = new AtomicBoolean(true);
      ExecutorService replacer = Executors.newSingleThreadExecutor();
      Future<Integer> replaced = replacer.submit(() -> {
        int runs = 0;
        while (loading.get()) {
          client.reharvest("changing");
          runs++;
        }
        return runs;
      });
      QueryLoad.Result busy = QueryLoad.run(node.base + "/sparql", Benchmark.fixed(query), 8, bench.seconds());
      loading.set(false);
      int runs = replaced.get();
      replacer.shutdown();
      bench.table().add("replace", "point query p99 while replacing vs idle", busy.p99Millis(), idle.p99Millis(), "ms",
          runs + " replacements of " + first.getLong("triples") + " triples; target ratio <= 3");
    }
  }
}
