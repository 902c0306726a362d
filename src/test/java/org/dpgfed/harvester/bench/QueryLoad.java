package org.dpgfed.harvester.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Concurrent clients sending one query shape for a while. Only successful answers (200, body
 * read) count as queries and give latencies; any other answer or a failed exchange is an error,
 * counted apart.
 */
final class QueryLoad {
  /** What one cell of the table measured: successful queries per second, their latencies, and the errors. */
  record Result(double queriesPerSecond, double p50Millis, double p99Millis, long errors) {}

  private QueryLoad() {}

  /** @param query a query per call, given a random source (so parameters vary between calls) */
  static Result run(String endpoint, Function<Random, String> query, int clients, double seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long started = System.nanoTime();
    long deadline = started + (long) (seconds * 1e9);
    List<Future<Long>> futures = new ArrayList<>();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    for (int c = 0; c < clients; c++) {
      Random random = new Random(c);
      futures.add(pool.submit(() -> client(endpoint, query, random, deadline, latencies)));
    }
    long errors = 0;
    for (Future<Long> f : futures) {
      errors += f.get();
    }
    double elapsed = (System.nanoTime() - started) / 1e9; // the last answers may end after the deadline
    pool.shutdown();
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return new Result(sorted.size() / elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99), errors);
  }

  /** One client's loop; returns its errors and adds the latency of each success. */
  private static long client(String endpoint, Function<Random, String> query, Random random, long deadline,
      List<Long> latencies) throws InterruptedException {
    long errors = 0;
    while (System.nanoTime() < deadline) {
      String url = endpoint + "?query=" + URLEncoder.encode(query.apply(random), StandardCharsets.UTF_8);
      long start = System.nanoTime();
      try {
        HttpResponse<byte[]> response = Child.HTTP.send(HttpRequest.newBuilder(URI.create(url))
            .header("Accept", "application/sparql-results+json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 200) {
          latencies.add(System.nanoTime() - start);
        } else {
          errors++;
        }
      } catch (java.io.IOException failed) {
        errors++;
      }
    }
    return errors;
  }

  static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
  }
}
