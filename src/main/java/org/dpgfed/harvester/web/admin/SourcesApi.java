package org.dpgfed.harvester.web.admin;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.fetch.AddressPolicy;
import org.dpgfed.harvester.fetch.FetchException;
import org.dpgfed.harvester.harvest.Harvester;
import org.dpgfed.harvester.model.ConflictException;
import org.dpgfed.harvester.model.InvalidInputException;
import org.dpgfed.harvester.registry.Run;
import org.dpgfed.harvester.registry.RunLog;
import org.dpgfed.harvester.registry.Source;
import org.dpgfed.harvester.registry.SourceCheck;
import org.dpgfed.harvester.registry.SourceRegistry;
import org.dpgfed.harvester.registry.SourceStatus;

/** {@code /api/sources}: register, read, change, delete and trigger sources; list their runs. */
public final class SourcesApi {
  private final SourceRegistry registry;
  private final RunLog runs;
  private final Harvester harvester;
  private final SourceCheck check;
  private final AddressPolicy policy;
  private final WorkerExecutor workers;
  private final Config.Harvest settings;
  private final String base;
  private final Clock clock;
  private final boolean shared;

  /** @param shared other nodes share the store: their runs are read from it before a source is shown */
  public SourcesApi(SourceRegistry registry, RunLog runs, Harvester harvester, SourceCheck check,
      WorkerExecutor workers, Config.Harvest settings, String base, Clock clock, boolean shared) {
    this.registry = registry;
    this.runs = runs;
    this.harvester = harvester;
    this.check = check;
    this.policy = new AddressPolicy(settings.allowPrivateNetworks(), settings.allowedHosts());
    this.workers = workers;
    this.settings = settings;
    this.base = base;
    this.clock = clock;
    this.shared = shared;
  }

  public void list(RoutingContext ctx) {
    Paging paging = Paging.of(ctx);
    List<Source> all = registry.list();
    withRunsOf(all).onSuccess(v -> ctx.json(paging.page(all, Source::id, Comparator.naturalOrder(), this::json,
        base + "/api/sources"))).onFailure(ctx::fail);
  }

  public void get(RoutingContext ctx) {
    Source source = registry.require(ctx.pathParam("id"));
    withRunsOf(List.of(source)).onSuccess(v -> ctx.json(json(source))).onFailure(ctx::fail);
  }

  /** Alone, this node has seen every run; in a cluster, the runs other nodes made are read from the store. */
  private Future<Void> withRunsOf(List<Source> sources) {
    if (!shared) {
      return Future.succeededFuture();
    }
    return workers.executeBlocking(() -> {
      sources.forEach(source -> runs.reread(source.id()));
      return null;
    }, false);
  }

  public void create(RoutingContext ctx) {
    Source source = ApiContract.withBodyErrors(ctx, () -> check.check(body(ctx).getMap(), false));
    workers.executeBlocking(() -> {
          checkAddress(source.url());
          return registry.create(source);
        }, false)
        .compose(created -> created.enabled() ? harvester.trigger(created.id()).map(created) : Future.succeededFuture(created))
        .onSuccess(created -> ctx.response().setStatusCode(201)
            .putHeader("Location", base + "/api/sources/" + created.id()).putHeader("Content-Type", "application/json")
            .end(json(created).encode()))
        .onFailure(ctx::fail);
  }

  public void replace(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Source old = registry.require(id);
    JsonObject body = body(ctx);
    if (body.containsKey("id") && !id.equals(body.getValue("id"))) {
      throw InvalidInputException.of("id", "must be '" + id + "', the id in the path");
    }
    Source source = ApiContract.withBodyErrors(ctx, () -> check.check(body.copy().put("id", id).getMap(), old.fromConfig()));
    workers.executeBlocking(() -> {
          checkAddress(source.url());
          return registry.replace(source);
        }, false)
        .onSuccess(replaced -> {
          harvester.changed(replaced, !replaced.sameHarvestAs(old) || !old.enabled());
          ctx.json(json(replaced));
        })
        .onFailure(ctx::fail);
  }

  public void delete(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    registry.require(id);
    harvester.forget(id);
    workers.executeBlocking(() -> {
          registry.delete(id);
          runs.forget(id);
          return null;
        }, false)
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  public void harvest(RoutingContext ctx) {
    Source source = registry.require(ctx.pathParam("id"));
    if (!source.enabled()) {
      throw new ConflictException("the source '" + source.id() + "' is disabled; enable it to harvest");
    }
    harvester.trigger(source.id(), force(ctx))
        .onSuccess(run -> ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json")
            .putHeader("Location", base + "/api/runs/" + run.id()).end(Json.run(run).encode()))
        .onFailure(ctx::fail);
  }

  private static boolean force(RoutingContext ctx) {
    String force = ctx.queryParams().get("force");
    if (force == null || force.equals("false")) {
      return false;
    }
    if (force.equals("true")) {
      return true;
    }
    throw InvalidInputException.of("force", "must be true or false");
  }

  public void runs(RoutingContext ctx) {
    Source source = registry.require(ctx.pathParam("id"));
    Paging paging = Paging.of(ctx);
    withRunsOf(List.of(source)).onSuccess(v -> ctx.json(paging.page(runs.runsOf(source.id()), Run::id,
        Comparator.reverseOrder(), Json::run, base + "/api/sources/" + source.id() + "/runs"))).onFailure(ctx::fail);
  }

  private JsonObject json(Source source) {
    SourceStatus status = SourceStatus.of(source, runs.runsOf(source.id()),
        harvester.nextRunAt(source.id()).orElse(null), settings.staleAfterFailures(), settings.staleAfterSchedules(),
        clock.instant());
    return Json.source(source, status);
  }

  /** A host that resolves to a forbidden address is refused now; one that does not resolve fails at run time. */
  private void checkAddress(String url) {
    URI uri = URI.create(url);
    if (uri.getHost() == null) {
      return;
    }
    try {
      policy.check(uri.getHost());
    } catch (FetchException e) {
      throw InvalidInputException.of("url", e.getMessage());
    } catch (UnknownHostException e) {
      // accepted: its runs fail naming the DNS error
    }
  }

  /** The id a create request names, or null when the body does not name one (the checks then refuse it). */
  public static String bodyId(RoutingContext ctx) {
    try {
      return ctx.body() == null || ctx.body().length() <= 0 ? null
          : ctx.body().asJsonObject().getValue("id") instanceof String id ? id : null;
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }

  static JsonObject body(RoutingContext ctx) {
    try {
      Object json = ctx.body() == null || ctx.body().length() <= 0 ? null : ctx.body().asJsonObject();
      if (json == null) {
        throw InvalidInputException.of("", "the body must be a JSON object");
      }
      return (JsonObject) json;
    } catch (DecodeException | ClassCastException e) {
      throw InvalidInputException.of("", "the body is not a JSON object: " + e.getMessage());
    }
  }
}
