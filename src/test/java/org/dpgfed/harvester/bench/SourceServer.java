package org.dpgfed.harvester.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A national registry on 127.0.0.1 serving {@code records} generated products in three formats,
 * written as they are generated so that even a million records take little memory here:
 * {@code /dpga.json}, {@code /catalog?page=N} (100 a page) and {@code /datasets.ttl}.
 */
final class SourceServer implements AutoCloseable {
  static final int PAGE = 100;
  /** Records of the changing source: about 100,000 triples. */
  static final int CHANGING = 2_500;

  private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();

  private final HttpServer server;
  private volatile int records;

  SourceServer(int records) throws IOException {
    this.records = records;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.createContext("/dpga.json", ex -> write(ex, "application/json", this::dpga));
    server.createContext("/catalog", ex -> write(ex, "application/json", out -> catalog(ex, out)));
    server.createContext("/datasets.ttl", ex -> write(ex, "text/turtle", this::turtle));
    server.createContext("/changing.json", ex -> write(ex, "application/json", this::changing));
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  /** Changes how many records every format serves from now on. */
  void records(int count) {
    records = count;
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private interface Body {
    void write(Writer out) throws IOException;
  }

  private static void write(HttpExchange ex, String type, Body body) throws IOException {
    ex.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
    ex.sendResponseHeaders(200, 0);
    try (Writer out = new BufferedWriter(new OutputStreamWriter(ex.getResponseBody(), StandardCharsets.UTF_8), 1 << 16)) {
      body.write(out);
    }
  }

  private void dpga(Writer out) throws IOException {
    out.write('[');
    for (int i = 0; i < records; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(Generator.dpgaRecord(Generator.product(i)));
    }
    out.write(']');
  }

  /** The first {@link #CHANGING} records, different at every request (so every harvest replaces the graph). */
  private void changing(Writer out) throws IOException {
    long generation = requests.incrementAndGet();
    out.write('[');
    for (int i = 0; i < CHANGING; i++) {
      out.write((i > 0 ? "," : "") + Generator.dpgaRecord(Generator.product(i)).replace("used by", "used (" + generation + ") by"));
    }
    out.write(']');
  }

  private void catalog(HttpExchange ex, Writer out) throws IOException {
    String query = ex.getRequestURI().getQuery();
    int page = query != null && query.startsWith("page=") ? Integer.parseInt(query.substring(5)) : 1;
    JsonArray data = new JsonArray();
    for (int i = (page - 1) * PAGE; i < Math.min(records, page * PAGE); i++) {
      Generator.Product p = Generator.product(i);
      data.add(new JsonObject().put("id", "00000000-0000-4000-8000-" + String.format("%012d", i)).put("url", p.repository())
          .put("aliases", new JsonArray()).put("publiccodeYml", Generator.publiccodeYaml(p)).put("active", true)
          .put("createdAt", "2025-01-01T00:00:00Z").put("updatedAt", "2025-06-01T00:00:00Z"));
    }
    String next = page * PAGE < records ? url("/catalog?page=" + (page + 1)) : null;
    out.write(new JsonObject().put("data", data).put("links", new JsonObject().put("prev", null).put("next", next)).encode());
  }

  private void turtle(Writer out) throws IOException {
    for (int i = 0; i < records; i++) {
      out.write(Generator.turtle(Generator.product(i)));
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
