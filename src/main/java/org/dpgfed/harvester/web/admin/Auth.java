package org.dpgfed.harvester.web.admin;

import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.dpgfed.harvester.web.HttpError;

/** Bearer-token checks for /api: mutations need the admin token; any token presented must be valid. */
public final class Auth {
  private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer realm=\"dpg-harvester\"");

  private final AdminToken admin;

  public Auth(AdminToken admin) {
    this.admin = admin;
  }

  /** On every /api request: a presented token that is not valid is refused, even on a public read. */
  public void checkPresented(RoutingContext ctx) {
    String token = bearer(ctx);
    if (token != null && !admin.matches(token)) {
      throw new HttpError(401, "the bearer token is not valid", CHALLENGE);
    }
    ctx.next();
  }

  /** Before a mutation: the admin token, and nothing else, may pass. */
  public void requireAdmin(RoutingContext ctx) {
    String token = bearer(ctx);
    if (token == null) {
      throw new HttpError(401, "this call needs an Authorization: Bearer token", CHALLENGE);
    }
    if (!admin.matches(token)) {
      throw new HttpError(401, "the bearer token is not valid", CHALLENGE);
    }
    ctx.next();
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
