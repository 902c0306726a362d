package org.dpgfed.harvester.web.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.dpgfed.harvester.model.InvalidInputException;

/**
 * Cursor paging of /api lists: {@code ?limit=} (default 20, at most 100) and {@code ?after=}, an
 * opaque cursor naming the last item of the previous page; {@code next} is an absolute URL or null.
 */
final class Paging {
  private final int limit;
  private final String after;

  private Paging(int limit, String after) {
    this.limit = limit;
    this.after = after;
  }

  /** The most items a page holds. */
  int limit() {
    return limit;
  }

  /** The key of the previous page's last item, or null for the first page. */
  String after() {
    return after;
  }

  static Paging of(RoutingContext ctx) {
    String limitText = ctx.queryParams().get("limit");
    int limit = 20;
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > 100) {
        throw InvalidInputException.of("limit", "must be a whole number from 1 to 100");
      }
    }
    String cursor = ctx.queryParams().get("after");
    String after = null;
    if (cursor != null) {
      try {
        after = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.of("after", "is not a cursor this server gave");
      }
    }
    return new Paging(limit, after);
  }

  /**
   * @param items the whole list, sorted by key in {@code order}
   * @param key each item's stable key (what a cursor names)
   * @param order the order of the keys; a page starts after the cursor's key even if that item is gone
   * @param pageUrl the list's absolute URL without paging parameters
   */
  <T> JsonObject page(List<T> items, Function<T, String> key, Comparator<String> order, Function<T, JsonObject> json,
      String pageUrl) {
    int start = 0;
    if (after != null) {
      while (start < items.size() && order.compare(key.apply(items.get(start)), after) <= 0) {
        start++;
      }
    }
    int end = Math.min(items.size(), start + limit);
    JsonArray array = new JsonArray();
    items.subList(start, end).forEach(item -> array.add(json.apply(item)));
    String next = null;
    if (end < items.size()) {
      String cursor = Base64.getUrlEncoder().withoutPadding()
          .encodeToString(key.apply(items.get(end - 1)).getBytes(StandardCharsets.UTF_8));
      next = pageUrl + "?limit=" + limit + "&after=" + cursor;
    }
    return new JsonObject().put("items", array).put("next", next);
  }
}
