package org.dpgfed.harvester.bench;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.eclipse.rdf4j.model.Statement;

/**
 * The benchmark: {@code mvn -Pbench} (settings as system properties: bench.records, bench.seconds,
 * bench.reps, bench.memoryRecords, bench.memoryReharvest, bench.memoryDelete, bench.sparqlRecords; bench.only=harvest,sparql,replace,memory,startup picks sections).
 */
public final class Benchmark {
  private static final String BASE = "https://bench.example.org";
  private static final Path OUT = Path.of("target", "bench");

  private final int records = Integer.getInteger("bench.records", 100_000);
  private final double seconds = Double.parseDouble(System.getProperty("bench.seconds", "10"));
  private final int reps = Integer.getInteger("bench.reps", 3);
  private final int memoryRecords = Integer.getInteger("bench.memoryRecords", 1_000_000);
  /** Whether the memory section harvests its source a second time, with 1% of its records gone. */
  private final boolean memoryReharvest = Boolean.getBoolean("bench.memoryReharvest");
  /** Whether the memory section then deletes its source (graph, identity entries, a removal member per product). */
  private final boolean memoryDelete = Boolean.getBoolean("bench.memoryDelete");
  /** Records a source of the SPARQL comparison: Fuseki holds two such sources in memory at -Xmx4g. */
  private final int sparqlRecords = Integer.getInteger("bench.sparqlRecords", 25_000);
  private final String only = System.getProperty("bench.only", "harvest,sparql,replace,memory,startup");
  private final Table table = new Table(Machine.describe());

  public static void main(String[] args) throws Exception {
    new Benchmark().run();
    System.exit(0);
  }

  private void run() throws Exception {
    System.out.println(Machine.describe());
    clean(OUT);
    try (SourceServer server = new SourceServer(records)) {
      if (only.contains("harvest") || only.contains("sparql")) {
        harvestAndQuery(server);
      }
      if (only.contains("replace")) {
        new ReplaceUnderLoad(this, server).measure();
      }
      if (only.contains("memory")) {
        memory(server);
      }
    }
    if (only.contains("startup")) {
      startup();
    }
    table.write(OUT);
    System.out.println("\n" + table.markdown() + "\nwritten to " + OUT.toAbsolutePath());
  }

  Table table() {
    return table;
  }

  double seconds() {
    return seconds;
  }

  int reps() {
    return reps;
  }

  /** Starts one of our nodes in its own JVM with an empty data directory and no configured sources. */
  Child node(String heap, Map<String, String> extra) throws Exception {
    int port = Child.freePort();
    Path dir = OUT.resolve("node-" + port);
    Files.createDirectories(dir);
    Path config = dir.resolve("bench.yaml");
    Files.writeString(config, "sources: []\n");
    Map<String, String> env = new HashMap<>(Map.of("DPG_HTTP_PORT", String.valueOf(port), "DPG_HTTP_HOST", "127.0.0.1",
        "DPG_DATA_DIR", dir.resolve("data").toString(), "DPG_ADMIN_TOKEN", NodeClient.TOKEN, "DPG_PUBLIC_BASE_URL", BASE,
        "DPG_ALLOW_PRIVATE_NETWORKS", "true", "DPG_HARVEST_MAX_BODY_BYTES", "4000000000",
        "DPG_HARVEST_TOTAL_TIMEOUT", "PT2H", "DPG_HARVEST_FIRST_BYTE_TIMEOUT", "PT10M", "DPG_SPARQL_TIMEOUT", "PT120S"));
    env.put("DPG_SPARQL_MAX_ROWS", "1000000");
    env.put("DPG_SPARQL_CLIENT_BUDGET", "PT1000H"); // every benchmark client comes from 127.0.0.1
    env.putAll(extra);
    Child child = Child.start(heap, Child.OUR_MAIN, List.of("--config", config.toString()), env, port, dir);
    child.awaitReady("/health", System.nanoTime());
    return child;
  }

  private void harvestAndQuery(SourceServer server) throws Exception {
    try (Child ours = node(SparqlComparison.OURS_HEAP, Map.of())) {
      NodeClient client = new NodeClient(ours.base);
      Map<String, String> urls = Map.of("dpga-json", server.url("/dpga.json"),
          "publiccode-catalog", server.url("/catalog?page=1"), "rdf", server.url("/datasets.ttl"));
      boolean measured = only.contains("harvest");
      int kept = reps; // every repetition harvests into a store without the others: the last one stays
      for (String format : measured ? List.of("dpga-json", "publiccode-catalog", "rdf") : List.<String>of()) {
        List<Double> recordRates = new ArrayList<>();
        List<Double> tripleRates = new ArrayList<>();
        for (int rep = 1; rep <= kept; rep++) {
          JsonObject run;
          long start = System.nanoTime();
          try {
            run = client.harvest(sourceId(format, rep), urls.get(format), format);
          } catch (IllegalStateException refused) {
            table.add("harvest", format, Double.NaN, Double.NaN, "", "not run: " + refused.getMessage());
            break;
          }
          if (!"succeeded".equals(run.getString("status"))) {
            table.add("harvest", format, Double.NaN, Double.NaN, "", "failed: " + run.getString("error"));
            break;
          }
          double seconds = (System.nanoTime() - start) / 1e9; // end to end: register, fetch, parse, map, commit
          recordRates.add(run.getInteger("records") / seconds);
          tripleRates.add(run.getLong("triples") / seconds);
          if (rep < kept) {
            client.delete(sourceId(format, rep)); // else the next repetition's records would all match this one's
          }
        }
        if (!recordRates.isEmpty()) {
          table.add("harvest", format + " records/s", Table.median(recordRates), Double.NaN, "rec/s", records + " records");
          table.add("harvest", format + " triples/s vs raw LMDB", Table.median(tripleRates), rawLoadRate(client,
              BASE + "/graph/source/" + sourceId(format, kept)), "triples/s", "raw: best of 1 txn, 10k batches");
          client.delete(sourceId(format, kept));
        }
      }
      if (only.contains("sparql")) { // sources of their own, of a size Fuseki holds in memory
        server.records(sparqlRecords);
        for (String format : List.of("dpga-json", "publiccode-catalog")) {
          JsonObject run = client.harvest(sourceId(format, 0), urls.get(format), format);
          if (!"succeeded".equals(run.getString("status"))) {
            throw new IllegalStateException("the SPARQL comparison's " + format + " source failed: " + run.getString("error"));
          }
        }
        server.records(records);
        new SparqlComparison(this, ours, client).measure(BASE + "/graph/source/" + sourceId("dpga-json", 0),
            BASE + "/graph/source/" + sourceId("publiccode-catalog", 0));
      }
    }
  }

  private static String sourceId(String format, int rep) {
    return format.replace("-json", "") + "-" + rep;
  }

  private double rawLoadRate(NodeClient client, String graph) throws Exception {
    List<Statement> statements = client.graph(graph);
    List<Double> oneTransaction = new ArrayList<>();
    List<Double> batches = new ArrayList<>();
    for (int rep = 0; rep < reps; rep++) {
      oneTransaction.add(statements.size() / RawLoad.seconds(statements, Files.createTempDirectory(OUT, "raw"), statements.size()));
      batches.add(statements.size() / RawLoad.seconds(statements, Files.createTempDirectory(OUT, "raw"), 10_000));
    }
    return Math.max(Table.median(oneTransaction), Table.median(batches));
  }

  private void memory(SourceServer server) throws Exception {
    server.records(memoryRecords);
    try (Child small = node("512m", Map.of())) {
      long start = System.nanoTime();
      JsonObject run = new NodeClient(small.base).harvest("million", server.url("/catalog?page=1"), "publiccode-catalog");
      String note = run.getString("status") + " " + run.getInteger("records") + " records in "
          + Math.round((System.nanoTime() - start) / 1e9) + " s end to end"
          + (run.getString("error") == null ? "" : ": " + run.getString("error"));
      if (memoryReharvest) {
        server.records(memoryRecords - memoryRecords / 100);
        long again = System.nanoTime();
        JsonObject second = new NodeClient(small.base).reharvest("million");
        note += "; again with 1% gone: " + second.getString("status") + ", " + second.getInteger("removed") + " removed in "
            + Math.round((System.nanoTime() - again) / 1e9) + " s"
            + (second.getString("error") == null ? "" : ": " + second.getString("error"));
      }
      note += "; GET /sparql (service description) " + getSeconds(small, "/sparql") + ", GET /.well-known/void "
          + getSeconds(small, "/.well-known/void") + ", GET /catalog?page=1 " + getSeconds(small, "/catalog?page=1")
          + ", GET /catalog?page=" + (memoryRecords / 200 + 1) + " " + getSeconds(small, "/catalog?page=" + (memoryRecords / 200 + 1));
      if (memoryDelete) {
        int mark = small.gcLogLines();
        long deleting = System.nanoTime();
        new NodeClient(small.base).delete("million");
        note += "; deleted in " + Math.round((System.nanoTime() - deleting) / 1e9) + " s, peak heap meanwhile "
            + small.peakHeapMiBSince(mark) + " MiB";
      }
      table.add("memory", "peak heap, -Xmx512m", small.peakHeapMiB(), 512, "MiB", note);
      table.add("memory", "peak heap after GC (live), -Xmx512m", small.peakLiveHeapMiB(), 512, "MiB", "");
      table.add("memory", "peak RSS", small.peakRssMiB(), Double.NaN, "MiB", "");
    } finally {
      server.records(records);
    }
  }

  /**
   * Three GETs of a node's path, Turtle asked for: the first (which may count what the next ones
   * find kept) and the median of the other two, in seconds.
   */
  private static String getSeconds(Child node, String path) throws Exception {
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      HttpResponse<String> r = Child.HTTP.send(HttpRequest.newBuilder(URI.create(node.base + path))
          .header("Accept", "text/turtle").GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET " + path + ": " + r.statusCode());
      }
      times.add((System.nanoTime() - start) / 1e9);
    }
    return String.format(java.util.Locale.ROOT, "first %.2f s, then %.2f s", times.get(0), Table.median(times.subList(1, 3)));
  }

  private void startup() throws Exception {
    List<Double> times = new ArrayList<>();
    for (int rep = 0; rep < reps; rep++) {
      int port = Child.freePort();
      Path dir = OUT.resolve("startup-" + port);
      long start = System.nanoTime();
      try (Child child = Child.start("1g", Child.OUR_MAIN, List.of(), Map.of("DPG_HTTP_PORT",
          String.valueOf(port), "DPG_DATA_DIR", dir.resolve("data").toString()), port, dir)) {
        String ask = "/sparql?query=" + java.net.URLEncoder.encode(
            "ASK { ?r a <http://www.w3.org/ns/dcat#CatalogRecord> }", java.nio.charset.StandardCharsets.UTF_8);
        times.add(awaitTrue(child, ask, start));
      }
    }
    table.add("startup", "java to first demo product queryable", Table.median(times), 5, "s", "target < 5 s");
  }

  private static double awaitTrue(Child child, String path, long start) throws Exception {
    while (true) {
      child.awaitReady("/health", start);
      HttpResponse<String> r = Child.HTTP.send(HttpRequest.newBuilder(URI.create(child.base + path)).timeout(java.time.Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.body().contains("true")) {
        return (System.nanoTime() - start) / 1e9;
      }
      Thread.sleep(20);
    }
  }

  private static void clean(Path dir) throws java.io.IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(dir);
  }

  static Function<Random, String> fixed(String query) {
    return random -> query;
  }
}
