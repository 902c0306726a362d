package org.dpgfed.harvester;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.config.ConfigException;
import org.dpgfed.harvester.config.ConfigLoader;
import org.dpgfed.harvester.feed.FeedLog;
import org.dpgfed.harvester.feed.FeedPages;
import org.dpgfed.harvester.web.feed.FeedHandler;
import org.eclipse.rdf4j.model.Resource;
import org.dpgfed.harvester.fetch.Fetcher;
import org.dpgfed.harvester.harvest.Harvester;
import org.dpgfed.harvester.harvest.Reconciler;
import org.dpgfed.harvester.model.InvalidInputException;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.registry.PrivateContacts;
import org.dpgfed.harvester.registry.RunLog;
import org.dpgfed.harvester.registry.Source;
import org.dpgfed.harvester.registry.SourceCheck;
import org.dpgfed.harvester.registry.SourceRegistry;
import org.dpgfed.harvester.source.Adapters;
import org.dpgfed.harvester.source.feed.FeedReader;
import org.dpgfed.harvester.store.TripleStore;
import org.dpgfed.harvester.web.Errors;
import org.dpgfed.harvester.web.Health;
import org.dpgfed.harvester.web.ld.CatalogHandler;
import org.dpgfed.harvester.web.ld.ResourceHandler;
import org.dpgfed.harvester.web.ld.VocabFileHandler;
import org.dpgfed.harvester.web.ld.VocabHandler;
import org.dpgfed.harvester.web.ld.VoidHandler;
import org.dpgfed.harvester.web.admin.AdminToken;
import org.dpgfed.harvester.web.admin.ApiContract;
import org.dpgfed.harvester.web.admin.Auth;
import org.dpgfed.harvester.web.admin.OperatorTokens;
import org.dpgfed.harvester.web.admin.RawPath;
import org.dpgfed.harvester.web.admin.RunsApi;
import org.dpgfed.harvester.web.admin.SourcesApi;
import org.dpgfed.harvester.web.admin.TokensApi;
import org.dpgfed.harvester.web.sparql.QueryAdmission;
import org.dpgfed.harvester.web.sparql.ServiceDescription;
import org.dpgfed.harvester.web.sparql.SparqlHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: reads the settings, builds every part, and shows every path in {@link #routes}. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  private static final String USAGE = """
      usage: java -jar dpg-harvester.jar [serve] [--config FILE]
             java -jar dpg-harvester.jar reset-admin-token [--config FILE]   (node stopped)
      Without --config, config/harvester.yaml is used when it exists, else the built-in defaults.
      Every setting a.bC can be overridden by the environment variable DPG_A_B_C.""";

  private Main() {}

  public static void main(String[] args) {
    List<String> words = new ArrayList<>(List.of(args));
    if (words.contains("--help") || words.contains("-h")) {
      System.out.println(USAGE);
      return;
    }
    Config config;
    try {
      config = ConfigLoader.load(configFile(words), System.getenv());
    } catch (ConfigException e) {
      System.err.println("dpg-harvester: " + e.getMessage());
      System.exit(2);
      return;
    }
    String command = words.isEmpty() ? "serve" : words.get(0);
    switch (command) {
      case "serve" -> serve(config);
      case "reset-admin-token" -> resetAdminToken(config);
      default -> {
        System.err.println("dpg-harvester: unknown command '" + command + "'\n" + USAGE);
        System.exit(2);
      }
    }
  }

  private static Path configFile(List<String> words) {
    int at = words.indexOf("--config");
    if (at >= 0) {
      if (at + 1 >= words.size()) {
        throw new ConfigException("--config needs a file");
      }
      Path file = Path.of(words.get(at + 1));
      words.subList(at, at + 2).clear();
      if (!Files.isRegularFile(file)) {
        throw new ConfigException("--config " + file + ": no such file");
      }
      return file;
    }
    Path standard = Path.of("config", "harvester.yaml");
    return Files.isRegularFile(standard) ? standard : null;
  }

  private static void serve(Config config) {
    Vertx vertx = Vertx.vertx();
    start(vertx, config, token -> System.out.println("""
        Generated admin token (shown only this once; only its hash is kept):
          %s
        """.formatted(token)))
        .onSuccess(node -> {
          LOG.info("dpg-harvester listening on port {}, public base {}", node.port(), node.baseUrl());
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
            vertx.close();
          }));
        })
        .onFailure(err -> {
          System.err.println("dpg-harvester: cannot start: " + err.getMessage());
          LOG.debug("start-up failed", err);
          vertx.close();
          System.exit(1);
        });
  }

  private static void resetAdminToken(Config config) {
    try {
      System.out.println("New admin token (the old one no longer works):\n  " + AdminToken.reset(config.store().dataDir()));
    } catch (IOException e) {
      System.err.println("dpg-harvester: cannot write the token hash: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Starts a node: listens, opens the store, registers the configured sources, schedules harvests. */
  public static Future<Node> start(Vertx vertx, Config config, Consumer<String> announceToken) {
    Router router = Router.router(vertx);
    // a GET query of sparql.maxQueryLength characters fits in the request line, even percent-encoded
    int requestLine = Math.max(HttpServerOptions.DEFAULT_MAX_INITIAL_LINE_LENGTH, config.sparql().maxQueryLength() * 3 + 4096);
    return vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true).setHttp2ClearTextEnabled(false)
            .setMaxInitialLineLength(requestLine))
        .requestHandler(router)
        .listen(config.http().port(), config.http().host())
        .compose(server -> vertx.executeBlocking(() -> build(vertx, config, server, router, announceToken))
            .onFailure(err -> server.close()))
        .compose(node -> node.startHarvests().map(node));
  }

  private static Node build(Vertx vertx, Config config, HttpServer server, Router router, Consumer<String> announce)
      throws IOException {
    Clock clock = Clock.tickMillis(java.time.ZoneOffset.UTC);
    Path dataDir = config.store().dataDir();
    Files.createDirectories(dataDir);
    Iris iris = new Iris(config.publicBaseUrl(server.actualPort()));
    Adapters adapters = Adapters.standard();
    java.util.SortedSet<String> formats = new java.util.TreeSet<>(adapters.formats());
    formats.add(FeedReader.FORMAT);
    SourceCheck check = new SourceCheck(formats, config.harvest().minSchedule());
    List<Source> configured = configuredSources(config, check);
    AdminToken admin = AdminToken.load(config.auth().adminToken(), dataDir, announce);
    OperatorTokens operators = OperatorTokens.load(dataDir);
    TripleStore store = TripleStore.openEmbedded(dataDir);
    try {
      return assemble(vertx, config, server, router, clock, iris, new Auth(admin, operators), operators, store, adapters,
          check, configured);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private static Node assemble(Vertx vertx, Config config, HttpServer server, Router router, Clock clock, Iris iris,
      Auth auth, OperatorTokens operators, TripleStore store, Adapters adapters, SourceCheck check, List<Source> configured) {
    FeedLog feed = new FeedLog(iris);
    Set<Resource> hidden = Set.of(iris.feedGraph(), iris.privateGraph());
    SourceRegistry sources = new SourceRegistry(store, iris, clock, feed);
    RunLog runs = new RunLog(store, iris, clock, config.harvest().runHistory());
    sources.load();
    List<String> runNow = new ArrayList<>(runs.load());
    for (Source source : configured) {
      Source old = sources.get(source.id()).orElse(null);
      sources.upsert(source);
      if (old != null && !old.sameHarvestAs(source)) {
        runNow.add(source.id());
      }
    }

    WorkerExecutor harvestPool = vertx.createSharedWorkerExecutor("dpg-harvest", config.harvest().workers(), 1, TimeUnit.HOURS);
    WorkerExecutor sparqlPool = vertx.createSharedWorkerExecutor("dpg-sparql", config.sparql().workers(), 1, TimeUnit.HOURS);
    WorkerExecutor apiPool = vertx.createSharedWorkerExecutor("dpg-api", 4, 10, TimeUnit.MINUTES);
    Fetcher fetcher = new Fetcher(vertx, config.harvest());
    Reconciler reconciler = new Reconciler(store, iris, new PrivateContacts(iris, config.privacy().storeContacts()), feed, clock);
    Harvester harvester = new Harvester(vertx, harvestPool, sources, runs, store, adapters, fetcher, iris, clock, feed,
        config.harvest(), reconciler);
    routes(router, config,
        new SparqlHandler(store, sparqlPool, config.sparql(), iris.base(),
            new ServiceDescription(store, sparqlPool, iris, config.node(), hidden), hidden,
            new QueryAdmission(config.sparql(), clock)),
        new SourcesApi(sources, runs, harvester, check, apiPool, config.harvest(), iris.base(), clock),
        new RunsApi(runs, harvester, apiPool, iris.base()), new TokensApi(operators, apiPool, iris.base(), clock),
        auth, ApiContract.load(), new Health(store, apiPool, iris),
        new Vocab(new VocabHandler(), VocabFileHandler.shapes(), VocabFileHandler.context()),
        new LinkedData(new ResourceHandler(store, sparqlPool, iris, new FeedPages(iris, config.node().feedPageSize())),
            new CatalogHandler(store, sparqlPool, iris, config.node()),
            new VoidHandler(store, sparqlPool, iris, config.node(), sources, runs),
            new FeedHandler(store, sparqlPool, new FeedPages(iris, config.node().feedPageSize()))));
    return new Node(vertx, server, router, iris.base(), store, harvester, fetcher,
        List.of(harvestPool, sparqlPool, apiPool), runNow);
  }

  /** Every path the node serves. */
  /** The linked-data handlers. */
  private record LinkedData(ResourceHandler resources, CatalogHandler catalog, VoidHandler voidDescription,
      FeedHandler feed) {}

  /** The shared vocabulary, its shapes and its JSON-LD context. */
  private record Vocab(VocabHandler terms, VocabFileHandler shapes, VocabFileHandler context) {}

  private static void routes(Router router, Config config, SparqlHandler sparql, SourcesApi sources, RunsApi runs,
      TokensApi tokens, Auth auth, ApiContract api, Health health, Vocab vocab, LinkedData ld) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(config.http().maxBodyBytes());
    CorsHandler cors = CorsHandler.create().addOrigin("*").allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST))
        .allowedHeaders(Set.of("Content-Type", "Accept"));

    router.route("/sparql").handler(cors).handler(body);
    router.get("/sparql").handler(sparql);
    router.post("/sparql").handler(sparql);

    // every /api request: body capped, odd paths refused, token identified; then per route rights, then the
    // OpenAPI document's checks, then the handler
    router.route("/api/*").handler(body).handler(RawPath::check).handler(auth::identify);
    Handler<RoutingContext> ownsPathSource = auth.requireSource(ctx -> ctx.pathParam("id"));
    router.get("/api/sources").handler(api::validate).handler(sources::list);
    router.post("/api/sources").handler(auth.requireSource(SourcesApi::bodyId)).handler(api::validate)
        .handler(sources::create);
    router.get("/api/sources/:id").handler(api::validate).handler(sources::get);
    router.put("/api/sources/:id").handler(ownsPathSource).handler(api::validate).handler(sources::replace);
    router.delete("/api/sources/:id").handler(ownsPathSource).handler(api::validate).handler(sources::delete);
    router.post("/api/sources/:id/harvest").handler(ownsPathSource).handler(api::validate).handler(sources::harvest);
    router.get("/api/sources/:id/runs").handler(api::validate).handler(sources::runs);
    router.get("/api/runs/:runId").handler(api::validate).handler(runs::get);
    router.get("/api/runs/:runId/report").handler(api::validate).handler(runs::report);
    router.post("/api/tokens").handler(auth::requireAdmin).handler(api::validate).handler(tokens::create);
    router.get("/api/tokens").handler(auth::requireAdmin).handler(api::validate).handler(tokens::list);
    router.delete("/api/tokens/:id").handler(auth::requireAdmin).handler(api::validate).handler(tokens::delete);
    router.get("/api/openapi.yaml").handler(api::validate).handler(api::serve);

    router.route("/vocab*").handler(cors);
    router.get("/vocab").handler(vocab.terms());
    router.get("/vocab/shapes").handler(vocab.shapes());
    router.get("/vocab/context.jsonld").handler(vocab.context());
    router.route("/id/*").handler(cors);
    router.get("/id/*").handler(ld.resources());
    router.route("/catalog").handler(cors);
    router.get("/catalog").handler(ld.catalog());
    router.route("/feed*").handler(cors);
    router.get("/feed").handler(ld.feed()::stream);
    router.get("/feed/page/:n").handler(ld.feed()::page);
    router.route("/.well-known/void").handler(cors);
    router.get("/.well-known/void").handler(ld.voidDescription());

    router.get("/health").handler(health);

    router.route().failureHandler(Errors::handle);
    for (int status : new int[] {400, 404, 405, 413, 414, 431, 500}) {
      router.errorHandler(status, Errors::handle);
    }
  }

  /** Checks every source of the configuration file before any is written; relative file: URLs resolve. */
  private static List<Source> configuredSources(Config config, SourceCheck check) {
    List<Source> checked = new ArrayList<>();
    for (Map<String, Object> raw : config.sources()) {
      Map<String, Object> entry = new java.util.HashMap<>(raw);
      if (entry.get("url") instanceof String url && url.startsWith("file:") && !url.startsWith("file:/")) {
        entry.put("url", config.configDir().resolve(url.substring(5)).normalize().toUri().toString());
      }
      try {
        checked.add(check.check(entry, true));
      } catch (InvalidInputException e) {
        throw new ConfigException("source '" + raw.get("id") + "' in the configuration: " + e.getMessage());
      }
    }
    return checked;
  }
}
