package org.dpgfed.harvester.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dpgfed.harvester.Main;
import org.dpgfed.harvester.Node;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.config.ConfigLoader;
import org.dpgfed.harvester.metrics.NodeMetrics;

/**
 * The real server for tests: started through {@link Main#start} on a free port with a temporary
 * data directory, settings given as environment variables (so that path is tested too), and a
 * client that speaks to it over HTTP.
 */
public final class TestNode implements AutoCloseable {
  public static final String ADMIN = "test-admin-token";
  public static final String BASE = "https://dpg.example.org";

  private final Vertx vertx;
  private final Node node;
  private final WebClient client;

  private TestNode(Vertx vertx, Node node) {
    this.vertx = vertx;
    this.node = node;
    this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(node.port()));
  }

  /**
   * The settings tests start from: loopback allowed, short schedules allowed, quick retries; with
   * {@code -Dstore=fuseki}, the test Fuseki's dataset for dataDir as the store ({@link TestFuseki}).
   */
  public static Map<String, String> environment(Path dataDir) {
    Map<String, String> env = new HashMap<>();
    env.put("DPG_HTTP_PORT", "0");
    env.put("DPG_HTTP_HOST", "127.0.0.1");
    env.put("DPG_DATA_DIR", dataDir.toString());
    env.put("DPG_ADMIN_TOKEN", ADMIN);
    env.put("DPG_PUBLIC_BASE_URL", BASE);
    env.put("DPG_ALLOW_PRIVATE_NETWORKS", "true");
    env.put("DPG_HARVEST_MIN_SCHEDULE", "PT1S");
    env.put("DPG_HARVEST_RETRY_DELAY", "PT0.05S");
    if (TestFuseki.REMOTE) {
      env.putAll(TestFuseki.storeSettings(TestFuseki.datasetFor(dataDir)));
    }
    return env;
  }

  /** The store a node started on {@code dataDir} uses (embedded, or the test Fuseki's dataset), opened here. */
  public static org.dpgfed.harvester.store.TripleStore openStore(Path dataDir) {
    Config config = ConfigLoader.load(null, environment(dataDir));
    return org.dpgfed.harvester.store.Stores.open(config.store(), org.dpgfed.harvester.store.WriterLock.local());
  }

  public static TestNode start(Vertx vertx, Path dataDir) {
    return start(vertx, null, environment(dataDir));
  }

  public static TestNode start(Vertx vertx, Path configFile, Map<String, String> env) {
    Config config = ConfigLoader.load(configFile, env);
    return new TestNode(vertx, await(Main.start(vertx, config, token -> { })));
  }

  /** A node reporting into {@code metrics}; {@code vertx} should come from {@link NodeMetrics#vertx()}. */
  public static TestNode startWithMetrics(Vertx vertx, NodeMetrics metrics, Map<String, String> env) {
    Config config = ConfigLoader.load(null, env);
    return new TestNode(vertx, await(Main.start(vertx, config, metrics, token -> { })));
  }

  /** GETs a path and answers its body, failing on any status but 200. */
  public String getText(String path) {
    HttpResponse<Buffer> response = await(client.get(path).send());
    if (response.statusCode() != 200) {
      throw new AssertionError(path + ": " + response.statusCode() + " " + response.bodyAsString());
    }
    return response.bodyAsString();
  }

  /**
   * Starts a node whose configuration file registers one source, the e2e registry fixture in
   * {@code dpga-json}, and waits until it has been harvested (the first run, or one triggered now).
   */
  public static TestNode startHarvested(Vertx vertx, Path dir, String sourceId, Map<String, String> env) {
    Path config = dir.resolve("harvester.yaml");
    try {
      java.nio.file.Files.writeString(config, """
          sources:
            - id: %s
              title: Test registry
              url: %s
              format: dpga-json
              schedule: manual
          """.formatted(sourceId, Path.of("src/test/resources/e2e/registry-v1.json").toAbsolutePath().toUri()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    TestNode node = start(vertx, config, env);
    JsonObject run = node.harvest(sourceId);
    if (!run.getString("status").matches("succeeded|unchanged")) {
      throw new AssertionError("the first harvest of " + sourceId + " failed: " + run.encode());
    }
    return node;
  }

  public int port() {
    return node.port();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + node.port() + path;
  }

  /** Every route the node declares, as {@code "METHOD /path/:param"}. */
  public java.util.List<String> routes() {
    return node.routes();
  }

  public WebClient client() {
    return client;
  }

  /** Registers a source as the admin; returns the 201 answer's body. */
  public JsonObject register(JsonObject source) {
    HttpResponse<Buffer> response = await(client.post("/api/sources").bearerTokenAuthentication(ADMIN).sendJsonObject(source));
    if (response.statusCode() != 201) {
      throw new AssertionError("registering failed: " + response.statusCode() + " " + response.bodyAsString());
    }
    return response.bodyAsJsonObject();
  }

  /** Waits (server-side, no polling) until the run has finished, and returns it. */
  public JsonObject awaitRun(String runId) {
    HttpResponse<Buffer> response = await(client.get("/api/runs/" + runId + "?wait=PT1M").send());
    if (response.statusCode() != 200) {
      throw new AssertionError("run " + runId + ": " + response.statusCode() + " " + response.bodyAsString());
    }
    JsonObject run = response.bodyAsJsonObject();
    if (!run.getString("status").matches("succeeded|unchanged|failed")) {
      throw new AssertionError("run still " + run.getString("status") + " after a minute: " + run.encode());
    }
    return run;
  }

  /** Triggers a harvest and waits for it. */
  public JsonObject harvest(String sourceId) {
    HttpResponse<Buffer> response = await(client.post("/api/sources/" + sourceId + "/harvest").bearerTokenAuthentication(ADMIN).send());
    if (response.statusCode() != 202) {
      throw new AssertionError("trigger failed: " + response.statusCode() + " " + response.bodyAsString());
    }
    return awaitRun(response.bodyAsJsonObject().getString("id"));
  }

  /** Statements in a source's graph, counted through /sparql. */
  public long triples(String sourceId) {
    String query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + BASE + "/graph/source/" + sourceId + "> { ?s ?p ?o } }";
    try (var exec = org.apache.jena.sparql.exec.http.QueryExecutionHTTP.service(url("/sparql")).query(query).build()) {
      return exec.execSelect().next().getLiteral("n").getLong();
    }
  }

  /** Records in a source's graph, counted through /sparql. */
  public long records(String sourceId) {
    String query = "SELECT (COUNT(?r) AS ?n) WHERE { GRAPH <" + BASE + "/graph/source/" + sourceId + "> { "
        + "?r a <http://www.w3.org/ns/dcat#CatalogRecord> } }";
    try (var exec = org.apache.jena.sparql.exec.http.QueryExecutionHTTP.service(url("/sparql")).query(query).build()) {
      return exec.execSelect().next().getLiteral("n").getLong();
    }
  }

  /** A source as GET /api/sources/{id} shows it. */
  public JsonObject source(String sourceId) {
    HttpResponse<Buffer> response = await(client.get("/api/sources/" + sourceId).send());
    if (response.statusCode() != 200) {
      throw new AssertionError("source " + sourceId + ": " + response.statusCode() + " " + response.bodyAsString());
    }
    return response.bodyAsJsonObject();
  }

  /** The run a registration started. */
  public static String firstRunId(JsonObject registered) {
    return registered.getJsonObject("status").getJsonObject("lastRun").getString("id");
  }

  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static Duration timeout() {
    return Duration.ofSeconds(90);
  }

  @Override
  public void close() {
    client.close();
    await(node.close());
  }
}
