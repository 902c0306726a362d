package org.dpgfed.harvester.fetch;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import java.net.URI;
import java.time.Instant;
import org.dpgfed.harvester.config.Config;

/**
 * Reads the answer to one GET: a redirect, a 304, an error status, or a body streamed in under
 * the cap. The first outcome wins; later events (a timer, a late chunk) change nothing.
 */
final class ResponseReader {
  /** A document, or a redirect's location. */
  record Response(Fetcher.Fetched fetched, String location) {}

  private final URI uri;
  private final Config.Harvest settings;
  private final boolean conditional;
  private final Promise<Response> result = Promise.promise();
  private final Buffer body = Buffer.buffer();
  private final BodyStream stream;
  private long expected = -1;
  private long received;

  /** @param stream where a 200's body goes as it arrives (the result completes with the headers), or null to collect it */
  ResponseReader(URI uri, Config.Harvest settings, boolean conditional, BodyStream stream) {
    this.uri = uri;
    this.settings = settings;
    this.conditional = conditional;
    this.stream = stream;
  }

  BodyStream stream() {
    return stream;
  }

  Future<Response> result() {
    return result.future();
  }

  void fail(Throwable err) {
    result.tryFail(err);
    if (stream != null) {
      stream.fail(err);
    }
  }

  void read(HttpClientResponse resp) {
    int status = resp.statusCode();
    Validators validators = new Validators(resp.getHeader("ETag"), resp.getHeader("Last-Modified"));
    if (status >= 300 && status < 400 && status != 304 && resp.getHeader("Location") != null) {
      result.tryComplete(new Response(null, resp.getHeader("Location")));
    } else if (status == 304 && conditional) {
      result.tryComplete(new Response(new Fetcher.Fetched(uri.toString(), null, new byte[0], 304, validators), null));
    } else if (status != 200) {
      result.tryFail(new FetchException("HTTP " + status + " from " + uri, status == 429 || status >= 500,
          RetryAfter.millis(resp.getHeader("Retry-After"), Instant.now()), status));
    } else {
      readBody(resp, validators);
    }
  }

  private void readBody(HttpClientResponse resp, Validators validators) {
    String length = resp.getHeader("Content-Length");
    if (length != null && resp.getHeader("Content-Encoding") == null) {
      try {
        expected = Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        result.tryFail(new FetchException("HTTP 200 from " + uri + " with a bad Content-Length: " + length, false));
        return;
      }
      if (expected > settings.maxBodyBytes()) {
        result.tryFail(tooBig());
        return;
      }
    }
    if (stream != null) {
      streamBody(resp, validators);
      return;
    }
    resp.handler(chunk -> {
      if (body.length() + (long) chunk.length() > settings.maxBodyBytes()) {
        result.tryFail(tooBig());
      } else if (!result.future().isComplete()) {
        body.appendBuffer(chunk);
      }
    });
    resp.exceptionHandler(err -> result.tryFail(connectionError(err)));
    resp.endHandler(v -> result.tryComplete(new Response(
        new Fetcher.Fetched(uri.toString(), resp.getHeader("Content-Type"), body.getBytes(), 200, validators), null)));
  }

  /** The headers complete the result; the body flows into the stream under the same cap. */
  private void streamBody(HttpClientResponse resp, Validators validators) {
    resp.handler(chunk -> {
      received += chunk.length();
      if (received > settings.maxBodyBytes()) {
        stream.fail(tooBig());
      } else {
        stream.offer(chunk, resp);
      }
    });
    resp.exceptionHandler(err -> stream.fail(connectionError(err)));
    resp.endHandler(v -> stream.end());
    result.tryComplete(new Response(new Fetcher.Fetched(uri.toString(), resp.getHeader("Content-Type"), null, 200, validators), null));
  }

  private FetchException tooBig() {
    return new FetchException("the body from " + uri + " exceeds " + settings.maxBodyBytes()
        + " bytes (harvest.maxBodyBytes)", false);
  }

  /** Names what went wrong on the wire: a timeout, a body cut short, a closed or refused connection. */
  FetchException connectionError(Throwable err) {
    if (err instanceof FetchException fe) {
      return fe;
    }
    String where = uri.getHost() + ":" + port();
    String message = String.valueOf(err.getMessage());
    if (err.getClass().getSimpleName().contains("ConnectTimeout") || message.contains("connection timed out")) {
      return new FetchException("connection to " + where + " timed out: not connected within "
          + settings.connectTimeout() + " (harvest.connectTimeout)", true);
    }
    if (err.getClass().getSimpleName().contains("Timeout") || message.toLowerCase().contains("timeout")) {
      return new FetchException("connection to " + where + " timed out: no byte for "
          + settings.firstByteTimeout() + " (harvest.firstByteTimeout)", true);
    }
    long got = Math.max(body.length(), received);
    if (got > 0 || expected > 0) {
      return new FetchException("the body from " + uri + " was cut short: the connection ended after "
          + got + (expected > 0 ? " of " + expected : "") + " bytes", true);
    }
    if (err instanceof HttpClosedException) {
      return new FetchException("the server at " + where + " closed the connection before answering", true);
    }
    return new FetchException("connection to " + where + " failed: " + message, true);
  }

  private int port() {
    return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
