package org.dpgfed.harvester.web.admin;

import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.regex.Pattern;
import org.dpgfed.harvester.model.InvalidInputException;

/**
 * Refuses /api paths that try to smuggle separators or controls into an id before any route sees
 * them: dot segments, encoded slashes, backslashes or dots, and control characters, raw or encoded.
 */
public final class RawPath {
  private static final Pattern ODD = Pattern.compile(
      "(^|/)\\.\\.?(/|$)|\\\\|%2f|%5c|%2e|%25|%[01][0-9a-f]|%7f|[\\x00-\\x20\\x7f]");

  private RawPath() {}

  public static void check(RoutingContext ctx) {
    String raw = ctx.request().path();
    if (raw == null || ODD.matcher(raw.toLowerCase(Locale.ROOT)).find()) {
      throw InvalidInputException.of("path", "ids may not contain '..', '/', '\\\\', encoded separators or control characters");
    }
    ctx.next();
  }
}
