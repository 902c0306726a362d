package org.dpgfed.harvester.web.ld;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One file of the shared vocabulary served as it is written, in the one format it is written in:
 * the SHACL shapes ({@code /vocab/shapes}) and the JSON-LD context ({@code /vocab/context.jsonld}).
 */
public final class VocabFileHandler implements Handler<RoutingContext> {
  private final Buffer body;
  private final String contentType;

  /** @param resource the file's path in the jar, such as {@code /vocab/shapes/dpg-shapes.ttl} */
  public VocabFileHandler(String resource, String contentType) {
    try (InputStream in = VocabFileHandler.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + resource);
      }
      this.body = Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.contentType = contentType;
  }

  public static VocabFileHandler shapes() {
    return new VocabFileHandler("/vocab/shapes/dpg-shapes.ttl", "text/turtle; charset=utf-8");
  }

  public static VocabFileHandler context() {
    return new VocabFileHandler("/vocab/contexts/dpg.jsonld", "application/ld+json; charset=utf-8");
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", contentType).end(body);
  }
}
