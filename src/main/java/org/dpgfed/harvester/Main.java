package org.dpgfed.harvester;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
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
import org.dpgfed.harvester.cli.Commands;
import org.dpgfed.harvester.cluster.RegistryEvents;
import org.dpgfed.harvester.cluster.SharedWriterLock;
import org.dpgfed.harvester.cluster.SourceClaims;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.config.ConfigException;
import org.dpgfed.harvester.feed.FeedLog;
import org.dpgfed.harvester.feed.FeedPages;
import org.dpgfed.harvester.fetch.Fetcher;
import org.dpgfed.harvester.harvest.Harvester;
import org.dpgfed.harvester.metrics.HarvestMetrics;
import org.dpgfed.harvester.metrics.MetricsHandler;
import org.dpgfed.harvester.metrics.NodeGauges;
import org.dpgfed.harvester.metrics.NodeMetrics;
import org.dpgfed.harvester.metrics.SparqlMetrics;
import org.dpgfed.harvester.harvest.Reconciler;
import org.dpgfed.harvester.model.InvalidInputException;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.registry.PrivateContacts;
import org.dpgfed.harvester.registry.RunLog;
import org.dpgfed.harvester.registry.Source;
import org.dpgfed.harvester.registry.SourceCheck;
import org.dpgfed.harvester.registry.SourceRegistry;
import org.dpgfed.harvester.registry.StaleSources;
import org.dpgfed.harvester.source.Adapters;
import org.dpgfed.harvester.source.feed.FeedReader;
import org.dpgfed.harvester.store.Stores;
import org.dpgfed.harvester.store.TripleStore;
import org.dpgfed.harvester.store.WriterLock;
import org.dpgfed.harvester.web.Errors;
import org.dpgfed.harvester.web.Gate;
import org.dpgfed.harvester.web.Health;
import org.dpgfed.harvester.web.ld.CatalogHandler;
import org.dpgfed.harvester.web.ld.ResourceHandler;
import org.dpgfed.harvester.web.ld.VocabFileHandler;
import org.dpgfed.harvester.web.ld.VocabHandler;
import org.dpgfed.harvester.web.ld.VoidHandler;
import org.dpgfed.harvester.web.admin.AdminToken;
import org.dpgfed.harvester.web.admin.ApiContract;
import org.dpgfed.harvester.web.admin.Auth;
import org.dpgfed.harvester.web.admin.BackupApi;
import org.dpgfed.harvester.web.admin.OperatorTokens;
import org.dpgfed.harvester.web.admin.RawPath;
import org.dpgfed.harvester.web.admin.RunsApi;
import org.dpgfed.harvester.web.admin.SourcesApi;
import org.dpgfed.harvester.web.admin.TokensApi;
import org.dpgfed.harvester.web.feed.FeedHandler;
import org.dpgfed.harvester.web.sparql.QueryAdmission;
import org.dpgfed.harvester.web.sparql.ServiceDescription;
import org.dpgfed.harvester.web.sparql.SparqlHandler;
import org.dpgfed.harvester.web.ui.Ui;
import org.eclipse.rdf4j.model.Resource;

/** The composition root: builds every part of a node, and shows every path in {@link #routes}. */
public final class Main {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Main.class);

  private Main() {}

  /** Runs a command ({@code serve} by default); see {@link Commands}. */
  public static void main(String[] args) {
    // Netty's flight-recorder events, unless asked for: when on, Netty starts the JDK's flight
    // recorder support and has it generate event classes while the node starts
    if (System.getProperty("io.netty.jfr.enabled") == null) {
      System.setProperty("io.netty.jfr.enabled", "false");
    }
    int code = Commands.standard().run(args);
    if (code != Commands.KEEP_RUNNING) {
      System.exit(code);
    }
  }

  /** Starts a node with meters of its own (no HTTP meters unless {@code vertx} came from {@link NodeMetrics#vertx()}). */
  public static Future<Node> start(Vertx vertx, Config config, Consumer<String> announceToken) {
    return start(vertx, config, new NodeMetrics(), announceToken);
  }

  /** Starts a node: listens, opens the store, registers the configured sources, schedules harvests. */
  public static Future<Node> start(Vertx vertx, Config config, NodeMetrics metrics, Consumer<String> announceToken) {
    return start(vertx, config, metrics, openStore(config, writerLock(vertx, config)), announceToken);
  }

  /** Starts a node with a store whose opening began earlier (see {@link #openStore}). */
  public static Future<Node> start(Vertx vertx, Config config, NodeMetrics metrics, Future<TripleStore> store,
      Consumer<String> announceToken) {
    return listen(vertx, config)
        .onFailure(err -> store.onSuccess(TripleStore::close))
        .compose(listening -> listening.open(store, config, metrics, announceToken));
  }

  /**
   * Opens the store on a thread of its own, started at once: the store (native library, indexes)
   * opens while Vert.x and the HTTP server start, instead of after them. For a node that is not
   * clustered (a clustered node's writer lock needs its Vert.x).
   */
  public static Future<TripleStore> openStore(Config config) {
    return openStore(config, WriterLock.local());
  }

  private static Future<TripleStore> openStore(Config config, WriterLock lock) {
    Promise<TripleStore> opened = Promise.promise();
    new Thread(() -> {
      try {
        Files.createDirectories(config.store().dataDir());
        opened.complete(Stores.open(config.store(), lock));
      } catch (IOException | RuntimeException e) {
        opened.fail(e);
      }
    }, "dpg-store-open").start();
    return opened.future();
  }

  /** The first half of a start: listening, every request answered 503 until {@link Listening#open}. */
  public record Listening(Vertx vertx, HttpServer server, Router router, Gate gate) {
    /** Opens the store and builds the rest; then requests pass. */
    public Future<Node> open(Config config, NodeMetrics metrics, Consumer<String> announceToken) {
      return open(openStore(config, writerLock(vertx, config)), config, metrics, announceToken);
    }

    /** Builds the rest once the store is open; then requests pass. */
    public Future<Node> open(Future<TripleStore> store, Config config, NodeMetrics metrics, Consumer<String> announceToken) {
      return store.compose(opened -> vertx.executeBlocking(() -> build(this, opened, config, metrics, announceToken)))
          .compose(node -> node.startHarvests().map(node))
          .onSuccess(node -> gate.open())
          .onFailure(err -> server.close());
    }
  }

  public static Future<Listening> listen(Vertx vertx, Config config) {
    Router router = Router.router(vertx);
    Gate gate = new Gate();
    router.route().handler(gate);
    // a GET query of sparql.maxQueryLength characters fits in the request line, even percent-encoded
    int requestLine = Math.max(HttpServerOptions.DEFAULT_MAX_INITIAL_LINE_LENGTH, config.sparql().maxQueryLength() * 3 + 4096);
    return vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true).setHttp2ClearTextEnabled(false)
            .setMaxInitialLineLength(requestLine))
        .requestHandler(router)
        .listen(config.http().port(), config.http().host())
        .map(server -> new Listening(vertx, server, router, gate));
  }

  /** One writer at a time in this JVM, or in the whole cluster when nodes share the store. */
  private static WriterLock writerLock(Vertx vertx, Config config) {
    return config.cluster().enabled() ? new SharedWriterLock(vertx) : WriterLock.local();
  }

  private static Node build(Listening listening, TripleStore store, Config config, NodeMetrics metrics,
      Consumer<String> announce) {
    try {
      if (config.cluster().enabled() && !listening.vertx().isClustered()) {
        throw new ConfigException("cluster.enabled is true but this node's Vert.x is not clustered");
      }
      Clock clock = Clock.tickMillis(java.time.ZoneOffset.UTC);
      Path dataDir = config.store().dataDir();
      Iris iris = new Iris(config.publicBaseUrl(listening.server().actualPort()));
      Adapters adapters = Adapters.standard();
      java.util.SortedSet<String> formats = new java.util.TreeSet<>(adapters.formats());
      formats.add(FeedReader.FORMAT);
      SourceCheck check = new SourceCheck(formats, config.harvest().minSchedule());
      List<Source> configured = configuredSources(config, check);
      AdminToken admin = AdminToken.load(config.auth().adminToken(), dataDir, announce);
      OperatorTokens operators = OperatorTokens.load(dataDir);
      return assemble(listening, config, metrics, clock, iris, new Auth(admin, operators), operators, store, adapters,
          new Checked(check, formats), configured);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private static Node assemble(Listening listening, Config config, NodeMetrics metrics, Clock clock, Iris iris,
      Auth auth, OperatorTokens operators, TripleStore store, Adapters adapters, Checked checked, List<Source> configured) {
    Vertx vertx = listening.vertx();
    SourceCheck check = checked.check();
    FeedLog feed = new FeedLog(iris);
    Set<Resource> hidden = iris.hiddenGraphs();
    SourceRegistry sources = new SourceRegistry(store, iris, clock, feed);
    store.knowGraphs(sources::graphs);
    RunLog runs = new RunLog(store, iris, clock, config.harvest().runHistory());
    SourceClaims claims = config.cluster().enabled()
        ? SourceClaims.clustered(vertx, config.cluster().lockTimeout()) : SourceClaims.alone();
    sources.load();
    List<String> runNow = new ArrayList<>(runs.load(claims.shared()));
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
        config.harvest(), reconciler, claims, config.store().dataDir().resolve("spill"));
    if (claims.shared()) {
      shareRegistry(new RegistryEvents(vertx), sources, runs, harvester, apiPool);
    }
    harvester.onRunFinished(new HarvestMetrics(metrics.registry()));
    StaleSources stale = new StaleSources(sources, runs, config.harvest().staleAfterFailures(),
        config.harvest().staleAfterSchedules(), clock);
    routes(listening.router(), config,
        new SparqlHandler(store, sparqlPool, config.sparql(), iris.base(),
            new ServiceDescription(store, sparqlPool, iris, config.node(), hidden), hidden,
            new QueryAdmission(config.sparql(), clock)),
        new SourcesApi(sources, runs, harvester, check, apiPool, config.harvest(), iris.base(), clock,
            claims.shared()),
        new RunsApi(runs, harvester, apiPool, iris.base()), new TokensApi(operators, apiPool, iris.base(), clock),
        auth, ApiContract.load(), new Health(store, apiPool, iris, stale),
        new Vocab(new VocabHandler(apiPool), VocabFileHandler.shapes(), VocabFileHandler.context()),
        new LinkedData(new ResourceHandler(store, sparqlPool, iris, new FeedPages(iris, config.node().feedPageSize())),
            new CatalogHandler(store, sparqlPool, iris, config.node()),
            new VoidHandler(store, sparqlPool, iris, config.node(), sources, runs),
            new FeedHandler(store, sparqlPool, new FeedPages(iris, config.node().feedPageSize()))),
        Ui.create(store, apiPool, iris.base(), config, new Ui.Registry(sources, runs, harvester::nextRunAt, checked.formats(),
            harvester::onRunFinished), clock, metrics.registry()),
        new Operations(new SparqlMetrics(metrics.registry(), config.sparql().timeout()),
            new MetricsHandler(metrics, new NodeGauges(metrics.registry(), store, config.store().dataDir().resolve("store"), stale), apiPool),
            new BackupApi(store, iris, apiPool, config.store().dataDir())));
    return new Node(vertx, iris.base(), listening.router(), new Node.Parts(listening.server(), listening.gate(), harvester,
        fetcher, List.of(harvestPool, sparqlPool, apiPool), store, metrics), config.node().shutdownTimeout(), runNow);
  }

  /** Registry changes go to the other nodes; theirs are re-read from the store and scheduled here. */
  private static void shareRegistry(RegistryEvents events, SourceRegistry sources, RunLog runs, Harvester harvester,
      WorkerExecutor pool) {
    sources.onChanged(events::changed);
    events.listen(id -> pool.executeBlocking(() -> sources.reload(id), false).onSuccess(found -> found.ifPresentOrElse(
        source -> harvester.changed(source, false), () -> {
          harvester.forget(id);
          runs.forget(id);
        })).onFailure(err -> LOG.warn("source {} changed on another node and could not be re-read", id, err)));
  }

  /** The source check and the formats it knows. */
  private record Checked(SourceCheck check, Set<String> formats) {}

  /** The handlers of the operations paths: metrics, backup. */
  private record Operations(SparqlMetrics sparqlMetrics, MetricsHandler metrics, BackupApi backup) {}

  /** The linked-data handlers. */
  private record LinkedData(ResourceHandler resources, CatalogHandler catalog, VoidHandler voidDescription,
      FeedHandler feed) {}

  /** The shared vocabulary, its shapes and its JSON-LD context. */
  private record Vocab(VocabHandler terms, VocabFileHandler shapes, VocabFileHandler context) {}

  /** Every path the node serves. */
  private static void routes(Router router, Config config, SparqlHandler sparql, SourcesApi sources, RunsApi runs,
      TokensApi tokens, Auth auth, ApiContract api, Health health, Vocab vocab, LinkedData ld, Ui ui, Operations ops) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(config.http().maxBodyBytes());
    CorsHandler cors = CorsHandler.create().addOrigin("*").allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST))
        .allowedHeaders(Set.of("Content-Type", "Accept"));

    router.route("/sparql").handler(cors).handler(body).handler(ops.sparqlMetrics());
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
    router.post("/api/backup").handler(auth::requireAdmin).handler(api::validate).handler(ops.backup());
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

    router.get("/").handler(ui.home());
    router.get("/explore").handler(ui.explore());
    router.get("/query").handler(ui.query());
    router.get("/sources").handler(ui.sources());
    router.get("/assets/*").handler(ui.assets());

    // Gate, the first handler of every path, answers 503 before the store is open and while stopping.
    router.get("/health").handler(health::live);
    router.get("/health/ready").handler(health::ready);
    router.get("/metrics").handler(ops.metrics());

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
