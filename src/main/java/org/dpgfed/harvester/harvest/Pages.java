package org.dpgfed.harvester.harvest;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Optional;
import java.util.function.Function;

/**
 * Follows a source's pages one after another. Each page's future is its own, not composed into
 * the previous one's: a chain of ten thousand composed futures completes ten thousand frames deep
 * and overflows the stack of the thread that ends it.
 */
final class Pages {
  private Pages() {}

  /**
   * Reads {@code first}, then each next page {@code read} answers, until one has none; fails with
   * the first page that fails.
   */
  static Future<Void> follow(String first, Function<String, Future<Optional<String>>> read) {
    Promise<Void> done = Promise.promise();
    next(first, read, done);
    return done.future();
  }

  private static void next(String url, Function<String, Future<Optional<String>>> read, Promise<Void> done) {
    Future<Optional<String>> page;
    try {
      page = read.apply(url);
    } catch (RuntimeException e) {
      done.fail(e);
      return;
    }
    page.onComplete(ar -> {
      if (ar.failed()) {
        done.fail(ar.cause());
      } else if (ar.result().isPresent()) {
        next(ar.result().get(), read, done);
      } else {
        done.complete();
      }
    });
  }
}
