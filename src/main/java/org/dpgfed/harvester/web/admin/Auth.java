package org.dpgfed.harvester.web.admin;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.function.Function;
import org.dpgfed.harvester.web.HttpError;

/**
 * Bearer tokens on /api. A presented token must be the admin's or a current operator's (else 401,
 * even on a public read); a change needs a token (401) with the right to make it (403). No message
 * ever repeats the token.
 */
public final class Auth {
  private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer realm=\"dpg-harvester\"");
  private static final String PRINCIPAL = "dpg.principal";

  private final AdminToken admin;
  private final OperatorTokens operators;

  public Auth(AdminToken admin, OperatorTokens operators) {
    this.admin = admin;
    this.operators = operators;
  }

  /** On every /api request: finds who presented the token, if any. */
  public void identify(RoutingContext ctx) {
    String token = bearer(ctx);
    if (token != null) {
      boolean isAdmin = admin.matches(token);
      Principal operator = operators.match(token).map(OperatorToken::principal).orElse(null);
      if (!isAdmin && operator == null) {
        throw new HttpError(401, "the bearer token is not valid", CHALLENGE);
      }
      ctx.put(PRINCIPAL, isAdmin ? Principal.ADMIN : operator);
    }
    ctx.next();
  }

  /** Only the admin may pass. */
  public void requireAdmin(RoutingContext ctx) {
    if (!principal(ctx).admin()) {
      throw new HttpError(403, "only the admin token may make this call");
    }
    ctx.next();
  }

  /** The admin, or an operator whose patterns match the source id that {@code sourceId} reads from the request. */
  public Handler<RoutingContext> requireSource(Function<RoutingContext, String> sourceId) {
    return ctx -> {
      Principal principal = principal(ctx);
      String id = sourceId.apply(ctx);
      if (id != null && !principal.mayManage(id)) {
        throw new HttpError(403, "this token may not manage the source '" + id + "'");
      }
      ctx.next();
    };
  }

  private static Principal principal(RoutingContext ctx) {
    Principal principal = ctx.get(PRINCIPAL);
    if (principal == null) {
      throw new HttpError(401, "this call needs an Authorization: Bearer token", CHALLENGE);
    }
    return principal;
  }

  private static String bearer(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null) {
      return null;
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new HttpError(401, "only Bearer tokens are accepted", CHALLENGE);
    }
    return header.substring(7).trim();
  }
}
