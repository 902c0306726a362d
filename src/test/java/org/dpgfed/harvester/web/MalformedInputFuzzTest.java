package org.dpgfed.harvester.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.RawHttp;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded, reproducible run of 1,000 malformed queries, parameters and bodies: each must get a
 * 4xx (never a 2xx, never a 5xx), and the node must be healthy afterwards. Every input is broken
 * by construction, so a 2xx is a bug too.
 */
class MalformedInputFuzzTest {
  private static final long SEED = 20261128L;
  private static final int RUNS = 1000;
  private static final String[] VALID = {
      "SELECT * WHERE { ?s ?p ?o }", "ASK { ?s a ?t }", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
      "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", "DESCRIBE <urn:x>",
      "PREFIX dct: <http://purl.org/dc/terms/> SELECT ?t WHERE { ?s dct:title ?t FILTER(LANG(?t) = \"en\") }"};
  private static final String JUNK = "{([<\"'?$.;,*+^|&!=-:@#\\\u0000\u0007\t\n\r\u00e9\u4e2d\ud83d\ude00 abcXYZ019%";
  private static final String ADMIN = "Authorization: Bearer " + TestNode.ADMIN;

  @TempDir static Path dir;
  static Vertx vertx;
  static TestNode node;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    var env = TestNode.environment(dir.resolve("data"));
    env.put("DPG_HTTP_MAX_BODY_BYTES", "8192");
    node = TestNode.start(vertx, null, env);
  }

  @AfterAll
  static void stop() {
    node.close();
    vertx.close();
  }

  private record Request(String method, String target, byte[] body, String[] headers) {
    @Override
    public String toString() {
      return method + " " + target + (body == null ? "" : " body=" + new String(body, StandardCharsets.UTF_8));
    }
  }

  @Test
  void aThousandMalformedRequestsGetOnly4xxAndTheNodeStaysHealthy() {
    Random random = new Random(SEED);
    List<String> wrong = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < RUNS; i++) {
      Request request = next(random);
      RawHttp.Answer answer = RawHttp.send("127.0.0.1", node.port(), request.method(), request.target(), request.body(),
          request.headers());
      if (answer.status() < 400 || answer.status() >= 500) {
        wrong.add("#" + i + " " + answer.status() + " for " + request);
      }
    }
    System.out.printf("%d malformed requests in %d ms (seed %d)%n", RUNS, (System.nanoTime() - start) / 1_000_000, SEED);
    assertTrue(wrong.isEmpty(), wrong.size() + " answers were not 4xx:\n" + String.join("\n", wrong));
    assertEquals(200, Http.get(node.url("/health"), null).statusCode());
    assertEquals(200, Http.get(node.url("/sparql?query=" + Http.encode("ASK { ?s ?p ?o }")), null).statusCode());
    assertEquals(200, Http.get(node.url("/api/sources"), null).statusCode());
  }

  private static Request next(Random random) {
    return switch (random.nextInt(8)) {
      case 0, 1, 2 -> brokenQuery(random);
      case 3 -> protocolMisuse(random);
      case 4 -> brokenSourceBody(random);
      case 5 -> brokenTokenBody(random);
      case 6 -> oddPath(random);
      default -> badParameterOrToken(random);
    };
  }

  private static String junk(Random random, int max) {
    StringBuilder text = new StringBuilder();
    int length = 1 + random.nextInt(max);
    for (int i = 0; i < length; i++) {
      text.append(JUNK.charAt(random.nextInt(JUNK.length())));
    }
    return text.toString();
  }

  /** A query that cannot parse: an extra brace, an unclosed group, an undefined prefix or a bad start. */
  private static String malformed(Random random) {
    String valid = VALID[random.nextInt(VALID.length)];
    return switch (random.nextInt(4)) {
      case 0 -> valid + " }" + junk(random, 20);
      case 1 -> "SELECT * WHERE { " + junk(random, 40).replace("}", "");
      case 2 -> "SELECT * WHERE { ?s undefinedprefix" + random.nextInt(1000) + ":p ?o }";
      default -> "@" + junk(random, 60) + valid;
    };
  }

  private static Request brokenQuery(Random random) {
    String query = malformed(random);
    byte[] utf8 = query.getBytes(StandardCharsets.UTF_8);
    return switch (random.nextInt(3)) {
      case 0 -> new Request("GET", "/sparql?query=" + Http.encode(query), null, new String[0]);
      case 1 -> new Request("POST", "/sparql", ("query=" + Http.encode(query)).getBytes(StandardCharsets.UTF_8),
          new String[] {"Content-Type: application/x-www-form-urlencoded"});
      default -> new Request("POST", "/sparql", utf8, new String[] {"Content-Type: application/sparql-query"});
    };
  }

  private static Request protocolMisuse(Random random) {
    String valid = Http.encode(VALID[random.nextInt(VALID.length)]);
    return switch (random.nextInt(7)) {
      case 0 -> new Request("POST", "/sparql", junk(random, 50).getBytes(StandardCharsets.UTF_8),
          new String[] {"Content-Type: " + List.of("text/plain", "application/json", "image/png", "x/" + random.nextInt()).get(random.nextInt(4))});
      case 1 -> new Request("GET", "/sparql?update=" + Http.encode(junk(random, 30)), null, new String[0]);
      case 2 -> new Request("GET", "/sparql?query=" + valid + "&query=" + valid, null, new String[0]);
      case 3 -> new Request("GET", "/sparql?query=" + valid + "&format=" + Http.encode("x" + junk(random, 10)), null, new String[0]);
      case 4 -> new Request("GET", "/sparql?query=" + valid + "&default-graph-uri=" + Http.encode("not an iri " + junk(random, 10)), null, new String[0]);
      case 5 -> new Request("POST", "/sparql", new byte[9000], new String[] {"Content-Type: application/sparql-query"});
      default -> new Request("GET", "/sparql?query=%" + junk(random, 3).replace("%", "") + "zz", null, new String[0]);
    };
  }

  /** A source body that is invalid JSON, has an unknown field, or a wrong type or value. */
  private static Request brokenSourceBody(Random random) {
    String id = "fz-" + random.nextInt(1_000_000);
    String body = switch (random.nextInt(5)) {
      case 0 -> "{\"id\":\"" + id + "\",\"title\":\"t\"," + junk(random, 30);
      case 1 -> "{\"id\":\"" + id + "\",\"title\":\"t\",\"url\":\"https://example.org\",\"format\":\"dpga-json\",\"" + "x" + random.nextInt(100) + "\":1}";
      case 2 -> "{\"id\":" + random.nextInt() + ",\"title\":[],\"url\":{},\"format\":null}";
      case 3 -> "{\"id\":\"" + Http.encode(junk(random, 10)) + "/..\",\"title\":\"t\",\"url\":\"https://example.org\",\"format\":\"dpga-json\"}";
      default -> "[" + junk(random, 20) + "]";
    };
    boolean put = random.nextBoolean();
    return new Request(put ? "PUT" : "POST", put ? "/api/sources/" + id : "/api/sources",
        body.getBytes(StandardCharsets.UTF_8), new String[] {ADMIN, "Content-Type: application/json"});
  }

  private static Request brokenTokenBody(Random random) {
    String body = switch (random.nextInt(4)) {
      case 0 -> "{\"name\":\"n\",\"sources\":[\"" + junk(random, 8).replace("\"", "").toUpperCase() + "!\"]}";
      case 1 -> "{\"name\":\"n\",\"sources\":[],\"role\":\"admin\"}";
      case 2 -> "{\"name\":" + random.nextInt() + "}";
      default -> junk(random, 40);
    };
    return new Request("POST", "/api/tokens", body.getBytes(StandardCharsets.UTF_8),
        new String[] {ADMIN, "Content-Type: application/json"});
  }

  private static Request oddPath(Random random) {
    String[] odd = {"..", "%2e%2e", "%2F", "%5c", "%00", "%0d%0a", "%7f", "a..b", "%252f", "%ff"};
    String id = "x" + odd[random.nextInt(odd.length)] + random.nextInt(100);
    String[] routes = {"/api/sources/%s", "/api/sources/%s/runs", "/api/runs/%s", "/api/runs/%s/report", "/api/tokens/%s"};
    String route = routes[random.nextInt(routes.length)].formatted(id);
    String method = route.startsWith("/api/tokens") ? "DELETE" : "GET";
    return new Request(method, route, null, new String[] {ADMIN});
  }

  private static Request badParameterOrToken(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> new Request("GET", "/api/sources?limit=" + (random.nextBoolean() ? -random.nextInt(1000) : 101 + random.nextInt(1000)), null, new String[0]);
      case 1 -> new Request("GET", "/api/sources?" + "p" + random.nextInt(100) + "=" + Http.encode(junk(random, 10)), null, new String[0]);
      case 2 -> new Request("GET", "/api/sources", null, new String[] {"Authorization: Bearer " + Http.encode(junk(random, 30))});
      default -> new Request("POST", "/api/sources/demo/harvest", null,
          new String[] {"Authorization: " + List.of("Basic eDp5", "Token abc", "Bearer", "bearer  ").get(random.nextInt(4))});
    };
  }
}
