package org.dpgfed.harvester.web.admin;

import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.dpgfed.harvester.model.NotFoundException;

/**
 * {@code /api/tokens} (admin only): issue an operator token, list tokens without their secrets,
 * revoke one at once. The body's shape is checked against the OpenAPI document before this runs.
 */
public final class TokensApi {
  private final OperatorTokens tokens;
  private final WorkerExecutor workers;
  private final String base;
  private final Clock clock;

  public TokensApi(OperatorTokens tokens, WorkerExecutor workers, String base, Clock clock) {
    this.tokens = tokens;
    this.workers = workers;
    this.base = base;
    this.clock = clock;
  }

  public void create(RoutingContext ctx) {
    JsonObject body = SourcesApi.body(ctx);
    String name = body.getString("name").strip();
    List<String> sources = body.getJsonArray("sources").stream().map(String.class::cast).distinct().toList();
    workers.executeBlocking(() -> tokens.issue(name, sources, clock.instant()), false)
        .onSuccess(issued -> ctx.response().setStatusCode(201)
            .putHeader("Location", base + "/api/tokens/" + issued.token().id())
            .putHeader("Content-Type", "application/json")
            .end(issued(issued).encode()))
        .onFailure(ctx::fail);
  }

  public void list(RoutingContext ctx) {
    ctx.json(Paging.of(ctx).page(tokens.list(), OperatorToken::id, Comparator.naturalOrder(), TokensApi::json,
        base + "/api/tokens"));
  }

  public void delete(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    workers.executeBlocking(() -> tokens.revoke(id), false)
        .onSuccess(revoked -> {
          if (revoked) {
            ctx.response().setStatusCode(204).end();
          } else {
            ctx.fail(new NotFoundException("no token '" + id + "'"));
          }
        })
        .onFailure(ctx::fail);
  }

  /** The only answer that carries the secret. */
  private static JsonObject issued(OperatorTokens.Issued issued) {
    OperatorToken token = issued.token();
    return new JsonObject().put("id", token.id()).put("name", token.name())
        .put("sources", new JsonArray(token.sources())).put("token", issued.secret());
  }

  private static JsonObject json(OperatorToken token) {
    return new JsonObject().put("id", token.id()).put("name", token.name())
        .put("sources", new JsonArray(token.sources())).put("createdAt", token.createdAt().toString());
  }
}
