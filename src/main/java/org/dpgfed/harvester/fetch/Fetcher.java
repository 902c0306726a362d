package org.dpgfed.harvester.fetch;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.dpgfed.harvester.config.Config;

/**
 * Fetches one document of a source with every limit applied: connect, first-byte and total
 * timeouts; a body cap counted after decompression while the body streams in; redirects
 * followed by hand, each checked against the address policy; retries with backoff for
 * connection errors, timeouts, 429 and 5xx.
 */
public final class Fetcher {
  /** A fetched document. */
  public record Fetched(String url, String contentType, byte[] body) {}

  private final Vertx vertx;
  private final Config.Harvest settings;
  private final AddressPolicy policy;
  private final HttpClient client;

  public Fetcher(Vertx vertx, Config.Harvest settings) {
    this.vertx = vertx;
    this.settings = settings;
    this.policy = new AddressPolicy(settings.allowPrivateNetworks());
    this.client = vertx.createHttpClient(new HttpClientOptions()
        .setDecompressionSupported(true)
        .setConnectTimeout((int) settings.connectTimeout().toMillis())
        .setMaxRedirects(0));
  }

  /** Fetches an http(s) URL, or a file: URL when {@code allowFile} (sources of the configuration file). */
  public Future<Fetched> fetch(String url, String accept, boolean allowFile) {
    if (url.startsWith("file:")) {
      return allowFile ? readFile(url) : Future.failedFuture(new FetchException("file: URLs are only for configured sources", false));
    }
    long deadline = System.currentTimeMillis() + settings.totalTimeout().toMillis();
    return attempt(url, accept, 1, deadline);
  }

  private Future<Fetched> attempt(String url, String accept, int number, long deadline) {
    return follow(url, accept, 0, deadline).recover(err -> {
      if (!(err instanceof FetchException fe) || !fe.retryable() || number >= settings.maxAttempts()) {
        return Future.failedFuture(number > 1 ? new FetchException(err.getMessage() + " after " + number + " attempts", false) : err);
      }
      long backoff = settings.retryDelay().toMillis() << (number - 1);
      long delay = fe.retryAfterMillis() >= 0 ? fe.retryAfterMillis()
          : (long) (backoff * (0.5 + ThreadLocalRandom.current().nextDouble()));
      if (System.currentTimeMillis() + delay >= deadline) {
        return Future.failedFuture(new FetchException(fe.getMessage() + " after " + number
            + " attempts (no time left within harvest.totalTimeout)", false));
      }
      Promise<Void> wait = Promise.promise();
      vertx.setTimer(Math.max(1, delay), id -> wait.complete());
      return wait.future().compose(v -> attempt(url, accept, number + 1, deadline));
    });
  }

  private Future<Fetched> follow(String url, String accept, int redirects, long deadline) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new FetchException("not a URL: " + url, false));
    }
    return checkAddress(uri).compose(v -> get(uri, accept, deadline)).compose(res -> {
      if (res.location() == null) {
        return Future.succeededFuture(res.fetched());
      }
      if (redirects >= settings.maxRedirects()) {
        return Future.failedFuture(new FetchException("more than " + settings.maxRedirects()
            + " redirects (harvest.maxRedirects), last to " + res.location(), false));
      }
      return follow(uri.resolve(res.location()).toString(), accept, redirects + 1, deadline);
    });
  }

  private Future<Void> checkAddress(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      return Future.failedFuture(new FetchException("not an http(s) URL: " + uri, false));
    }
    return vertx.executeBlocking(() -> {
      try {
        policy.check(uri.getHost());
        return null;
      } catch (UnknownHostException e) {
        throw new FetchException("DNS: " + uri.getHost() + " does not resolve", true);
      }
    }, false);
  }

  /** One GET: a document, a redirect's location, or an error. */
  private record Response(Fetched fetched, String location) {}

  private Future<Response> get(URI uri, String accept, long deadline) {
    long remaining = deadline - System.currentTimeMillis();
    if (remaining <= 0) {
      return Future.failedFuture(new FetchException("no complete answer within " + settings.totalTimeout()
          + " (harvest.totalTimeout)", false));
    }
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(uri.toString())
        .setIdleTimeout(settings.firstByteTimeout().toMillis())
        .putHeader("Accept", accept).putHeader("User-Agent", settings.userAgent())
        .putHeader("Accept-Encoding", "gzip, deflate");
    Promise<Response> result = Promise.promise();
    long timer = vertx.setTimer(remaining, id -> result.tryFail(new FetchException(
        "no complete answer within " + settings.totalTimeout() + " (harvest.totalTimeout) from " + uri, false)));
    client.request(options)
        .compose(req -> {
          result.future().onFailure(err -> req.reset());
          return req.send();
        })
        .onSuccess(resp -> read(uri, resp, result))
        .onFailure(err -> result.tryFail(connectionError(uri, err)));
    return result.future().onComplete(ar -> vertx.cancelTimer(timer));
  }

  private void read(URI uri, HttpClientResponse resp, Promise<Response> result) {
    int status = resp.statusCode();
    if (status >= 300 && status < 400 && resp.getHeader("Location") != null) {
      result.tryComplete(new Response(null, resp.getHeader("Location")));
      return;
    }
    if (status != 200) {
      result.tryFail(new FetchException("HTTP " + status + " from " + uri,
          status == 429 || status >= 500, retryAfter(resp.getHeader("Retry-After"))));
      return;
    }
    String length = resp.getHeader("Content-Length");
    if (length != null && resp.getHeader("Content-Encoding") == null && Long.parseLong(length) > settings.maxBodyBytes()) {
      result.tryFail(tooBig(uri));
      return;
    }
    Buffer body = Buffer.buffer();
    resp.handler(chunk -> {
      if (body.length() + (long) chunk.length() > settings.maxBodyBytes()) {
        result.tryFail(tooBig(uri));
      } else if (!result.future().isComplete()) {
        body.appendBuffer(chunk);
      }
    });
    resp.exceptionHandler(err -> result.tryFail(connectionError(uri, err)));
    resp.endHandler(v -> result.tryComplete(new Response(
        new Fetched(uri.toString(), resp.getHeader("Content-Type"), body.getBytes()), null)));
  }

  private FetchException tooBig(URI uri) {
    return new FetchException("the body from " + uri + " exceeds " + settings.maxBodyBytes()
        + " bytes (harvest.maxBodyBytes)", false);
  }

  private FetchException connectionError(URI uri, Throwable err) {
    if (err instanceof FetchException fe) {
      return fe;
    }
    String what = err.getClass().getSimpleName().contains("Timeout") || String.valueOf(err.getMessage()).contains("timeout")
        ? "timed out" : "failed";
    return new FetchException("connection to " + uri.getHost() + ":" + port(uri) + " " + what + ": " + err.getMessage(), true);
  }

  private static int port(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static long retryAfter(String header) {
    if (header == null) {
      return -1;
    }
    try {
      return Math.min(Long.parseLong(header.trim()), 3600) * 1000;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private Future<Fetched> readFile(String url) {
    Path path = Path.of(URI.create(url));
    return vertx.fileSystem().props(path.toString())
        .recover(err -> Future.failedFuture(new FetchException("cannot read " + path + ": " + err.getMessage(), false)))
        .compose(props -> props.size() > settings.maxBodyBytes()
            ? Future.failedFuture(new FetchException(path + " exceeds " + settings.maxBodyBytes() + " bytes (harvest.maxBodyBytes)", false))
            : vertx.fileSystem().readFile(path.toString()))
        .map(buffer -> new Fetched(url, null, buffer.getBytes()));
  }

  public Future<Void> close() {
    return client.close();
  }
}
