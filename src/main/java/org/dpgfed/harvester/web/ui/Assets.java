package org.dpgfed.harvester.web.ui;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.dpgfed.harvester.web.HttpError;

/**
 * {@code GET /assets/*}: the few browser files the pages load, from the CodeMirror webjar (its core,
 * its SPARQL mode and its style; nothing else of it is served). Each is read and gzip-compressed once;
 * its address names the version, so browsers may keep it for a year.
 */
public final class Assets implements Handler<RoutingContext> {
  private static final String WEBJAR = "META-INF/resources/webjars/codemirror/";
  private static final String POM = "META-INF/maven/org.webjars.npm/codemirror/pom.properties";

  /** One file: its type, its bytes, and the same gzip-compressed. */
  private record Asset(String contentType, Buffer plain, Buffer gzip) {}

  /** Where the pages find CodeMirror's files, e.g. {@code /assets/codemirror-5.65.20/}. */
  static final String CODEMIRROR = "/assets/codemirror-" + version() + "/";

  private final Map<String, Asset> files;

  private Assets(Map<String, Asset> files) {
    this.files = files;
  }

  static Assets load() {
    String dir = WEBJAR + version() + "/";
    return new Assets(Map.of(
        CODEMIRROR + "codemirror.js", asset(dir + "lib/codemirror.js", "text/javascript; charset=utf-8"),
        CODEMIRROR + "codemirror.css", asset(dir + "lib/codemirror.css", "text/css; charset=utf-8"),
        CODEMIRROR + "sparql.js", asset(dir + "mode/sparql/sparql.js", "text/javascript; charset=utf-8")));
  }

  @Override
  public void handle(RoutingContext ctx) {
    Asset asset = files.get(ctx.request().path());
    if (asset == null) {
      throw new HttpError(404, "no such file: " + ctx.request().path());
    }
    String accepted = ctx.request().getHeader("Accept-Encoding");
    boolean gzip = accepted != null && accepted.contains("gzip");
    ctx.response().putHeader("Content-Type", asset.contentType()).putHeader("Vary", "Accept-Encoding")
        .putHeader("Cache-Control", "public, max-age=31536000, immutable");
    if (gzip) {
      ctx.response().putHeader("Content-Encoding", "gzip"); // already compressed: the server leaves it as it is
    }
    ctx.response().end(gzip ? asset.gzip() : asset.plain());
  }

  private static String version() {
    Properties pom = new Properties();
    try (InputStream in = open(POM)) {
      pom.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pom.getProperty("version");
  }

  private static Asset asset(String resource, String contentType) {
    try (InputStream in = open(resource)) {
      byte[] bytes = in.readAllBytes();
      ByteArrayOutputStream packed = new ByteArrayOutputStream(bytes.length / 3);
      try (GZIPOutputStream gzip = new GZIPOutputStream(packed) {
        {
          def.setLevel(Deflater.BEST_COMPRESSION);
        }
      }) {
        gzip.write(bytes);
      }
      return new Asset(contentType, Buffer.buffer(bytes), Buffer.buffer(packed.toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String resource) {
    InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing from the classpath: " + resource + " (the codemirror webjar)");
    }
    return in;
  }
}
