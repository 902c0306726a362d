package org.dpgfed.harvester.web.feed;

import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.dpgfed.harvester.feed.FeedPages;
import org.dpgfed.harvester.store.TripleStore;
import org.dpgfed.harvester.web.HttpError;
import org.dpgfed.harvester.web.RdfBody;
import org.dpgfed.harvester.web.sparql.ResultFormat;
import org.eclipse.rdf4j.model.Model;

/**
 * {@code GET /feed} and {@code GET /feed/page/{n}}: the change feed. A full page can no longer
 * change and is served as immutable; the newest page only briefly cached. Both carry an ETag.
 */
public final class FeedHandler {
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";
  private static final String OPEN = "public, max-age=5";

  private final TripleStore store;
  private final WorkerExecutor workers;
  private final FeedPages pages;

  public FeedHandler(TripleStore store, WorkerExecutor workers, FeedPages pages) {
    this.store = store;
    this.workers = workers;
    this.pages = pages;
  }

  public void stream(RoutingContext ctx) {
    ResultFormat format = ResultFormat.negotiateRdf(ctx.request().getHeader("Accept"), "the feed");
    workers.executeBlocking(() -> serialise(store.read(pages::stream), format), false)
        .onSuccess(body -> send(ctx, format, body, OPEN))
        .onFailure(ctx::fail);
  }

  public void page(RoutingContext ctx) {
    long n = number(ctx.pathParam("n"));
    ResultFormat format = ResultFormat.negotiateRdf(ctx.request().getHeader("Accept"), "a feed page");
    workers.executeBlocking(() -> store.read(conn -> pages.page(conn, n))
            .map(page -> new Object[] {serialise(page.model(), format), page.open()})
            .orElseThrow(() -> new HttpError(404, "the feed has no page " + n)), false)
        .onSuccess(result -> send(ctx, format, (byte[]) result[0], (Boolean) result[1] ? OPEN : IMMUTABLE))
        .onFailure(ctx::fail);
  }

  private static long number(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new HttpError(404, "the feed has no page '" + text + "'");
    }
  }

  private byte[] serialise(Model model, ResultFormat format) {
    return RdfBody.write(model, format.rdfFormat(), pages.iris());
  }

  private static void send(RoutingContext ctx, ResultFormat format, byte[] body, String cacheControl) {
    String etag = "\"" + sha256(body) + "\"";
    ctx.response().putHeader("Content-Type", format.contentType()).putHeader("Vary", "Accept")
        .putHeader("Cache-Control", cacheControl).putHeader("ETag", etag);
    if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
      ctx.response().setStatusCode(304).end();
    } else {
      ctx.response().end(Buffer.buffer(body));
    }
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
