package org.dpgfed.harvester.fetch;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.dpgfed.harvester.config.Config;

/**
 * Fetches one document of a source with every limit applied: connect, first-byte and total
 * timeouts; a body cap counted after decompression while the body streams in; redirects
 * followed by hand, each checked against the address policy; retries with backoff and jitter
 * for connection errors, timeouts, 429 and 5xx, honouring Retry-After; conditional requests.
 */
public final class Fetcher {
  /**
   * A fetched document.
   *
   * @param status 200, or 304 when a conditional request found the document unchanged (empty body)
   * @param validators what the server sent to identify this version
   */
  public record Fetched(String url, String contentType, byte[] body, int status, Validators validators) {
    public boolean notModified() {
      return status == 304;
    }
  }

  private final Vertx vertx;
  private final Config.Harvest settings;
  private final AddressPolicy policy;
  private final HttpClient client;

  public Fetcher(Vertx vertx, Config.Harvest settings) {
    this.vertx = vertx;
    this.settings = settings;
    this.policy = new AddressPolicy(settings.allowPrivateNetworks(), settings.allowedHosts());
    this.client = vertx.createHttpClient(new HttpClientOptions()
        .setDecompressionSupported(true)
        .setConnectTimeout((int) settings.connectTimeout().toMillis())
        .setMaxRedirects(0));
  }

  /** Fetches an http(s) URL, or a file: URL when {@code allowFile} (sources of the configuration file). */
  public Future<Fetched> fetch(String url, String accept, boolean allowFile) {
    return fetch(url, accept, allowFile, Validators.NONE, Promise.<Void>promise().future());
  }

  /**
   * As {@link #fetch(String, String, boolean)}, asking for the document only if it changed since
   * {@code since}, and giving up (closing the connection) as soon as {@code until} completes.
   */
  public Future<Fetched> fetch(String url, String accept, boolean allowFile, Validators since, Future<?> until) {
    if (url.startsWith("file:")) {
      return allowFile ? readFile(url) : Future.failedFuture(new FetchException("file: URLs are only for configured sources", false));
    }
    Request request = request(url, accept, since, until, null, false);
    return attempt(request, 1).onComplete(ar -> request.current().set(null));
  }

  /**
   * Fetches an http(s) URL (with a POST body when {@code post} is not null) and hands the body to
   * {@code parser} on {@code workers} while it streams in: the body cap, the total timeout and
   * {@code until} still apply. Failures before the body starts are retried like any fetch's.
   */
  public <T> Future<T> stream(String url, String accept, Post post, Future<?> until, WorkerExecutor workers, BodyParser<T> parser) {
    Request request = request(url, accept, Validators.NONE, until, post, true);
    return attempt(request, 1).compose(fetched -> {
      BodyStream body = request.current().get().stream();
      return workers.executeBlocking(() -> {
        try (InputStream in = body) {
          return parser.parse(fetched.url(), fetched.contentType(), in);
        }
      }, false);
    }).onComplete(ar -> request.current().set(null));
  }

  private Request request(String url, String accept, Validators since, Future<?> until, Post post, boolean streamed) {
    long deadline = System.currentTimeMillis() + settings.totalTimeout().toMillis();
    Request request = new Request(url, accept, since, deadline, until, new AtomicReference<>(), post, streamed);
    until.onComplete(ar -> {
      ResponseReader reader = request.current().get();
      if (reader != null) {
        reader.fail(new FetchException("the fetch of " + url + " was abandoned", false));
      }
    });
    return request;
  }

  /**
   * What every attempt and redirect of one fetch shares.
   *
   * @param current the request under way (so that {@code until} can stop it), or null
   * @param post the body to send, or null for a GET
   * @param streamed whether the body goes to a {@link BodyStream} rather than into memory
   */
  private record Request(String url, String accept, Validators since, long deadline, Future<?> until,
      AtomicReference<ResponseReader> current, Post post, boolean streamed) {}

  private Future<Fetched> attempt(Request request, int number) {
    return follow(request, request.url(), 0).recover(err -> {
      if (!(err instanceof FetchException fe) || !fe.retryable() || number >= settings.maxAttempts()
          || request.until().isComplete()) {
        return Future.failedFuture(number > 1 && err instanceof FetchException fe
            ? fe.withMessage(fe.getMessage() + " after " + number + " attempts", false) : err);
      }
      long delay = delay(fe, number);
      if (System.currentTimeMillis() + delay >= request.deadline()) {
        return Future.failedFuture(fe.withMessage(fe.getMessage() + (number > 1 ? " after " + number + " attempts" : "") + " (no time left"
            + (fe.retryAfterMillis() >= 0 ? " for the Retry-After of " + fe.retryAfterMillis() / 1000 + "s" : "")
            + " within harvest.totalTimeout)", false));
      }
      Promise<Void> wait = Promise.promise();
      vertx.setTimer(Math.max(1, delay), id -> wait.complete());
      return wait.future().compose(v -> attempt(request, number + 1));
    });
  }

  /** Retry-After when the server gave one, else exponential backoff with jitter (0.5 to 1.5 times). */
  private long delay(FetchException fe, int number) {
    if (fe.retryAfterMillis() >= 0) {
      return fe.retryAfterMillis();
    }
    long backoff = settings.retryDelay().toMillis() << Math.min(number - 1, 20);
    return (long) (backoff * (0.5 + ThreadLocalRandom.current().nextDouble()));
  }

  private Future<Fetched> follow(Request request, String url, int redirects) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new FetchException("not a URL: " + url, false));
    }
    return checkAddress(uri).compose(v -> get(request, uri)).compose(res -> {
      if (res.location() == null) {
        return Future.succeededFuture(res.fetched());
      }
      if (redirects >= settings.maxRedirects()) {
        return Future.failedFuture(new FetchException("more than " + settings.maxRedirects()
            + " redirects (harvest.maxRedirects), last to " + res.location(), false));
      }
      return follow(request, uri.resolve(res.location()).toString(), redirects + 1);
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

  private Future<ResponseReader.Response> get(Request request, URI uri) {
    long remaining = request.deadline() - System.currentTimeMillis();
    if (remaining <= 0) {
      return Future.failedFuture(new FetchException("no complete answer within " + settings.totalTimeout()
          + " (harvest.totalTimeout)", false));
    }
    RequestOptions options = new RequestOptions().setMethod(request.post() == null ? HttpMethod.GET : HttpMethod.POST)
        .setAbsoluteURI(uri.toString())
        .setIdleTimeout(settings.firstByteTimeout().toMillis())
        .putHeader("Accept", request.accept()).putHeader("User-Agent", settings.userAgent())
        .putHeader("Accept-Encoding", "gzip, deflate");
    if (request.since().etag() != null) {
      options.putHeader("If-None-Match", request.since().etag());
    }
    if (request.since().lastModified() != null) {
      options.putHeader("If-Modified-Since", request.since().lastModified());
    }
    if (request.post() != null) {
      options.putHeader("Content-Type", request.post().contentType());
    }
    BodyStream stream = request.streamed() ? new BodyStream(vertx.getOrCreateContext()) : null;
    ResponseReader reader = new ResponseReader(uri, settings, !request.since().isEmpty(), stream);
    request.current().set(reader);
    if (request.until().isComplete()) {
      reader.fail(new FetchException("the fetch of " + uri + " was abandoned", false));
    }
    long timer = vertx.setTimer(remaining, id -> reader.fail(new FetchException(
        "no complete answer within " + settings.totalTimeout() + " (harvest.totalTimeout) from " + uri, false)));
    client.request(options)
        .compose(req -> {
          reader.result().onFailure(err -> req.reset());
          if (stream != null) {
            stream.finished().onFailure(err -> req.reset());
          }
          return request.post() == null ? req.send() : req.send(Buffer.buffer(request.post().body()));
        })
        .onSuccess(reader::read)
        .onFailure(err -> reader.fail(reader.connectionError(err)));
    reader.result().onFailure(err -> vertx.cancelTimer(timer));
    (stream == null ? reader.result() : stream.finished()).onComplete(ar -> vertx.cancelTimer(timer));
    return reader.result();
  }

  private Future<Fetched> readFile(String url) {
    Path path = Path.of(URI.create(url));
    return vertx.fileSystem().props(path.toString())
        .recover(err -> Future.failedFuture(new FetchException("cannot read " + path + ": " + err.getMessage(), false)))
        .compose(props -> props.size() > settings.maxBodyBytes()
            ? Future.failedFuture(new FetchException(path + " exceeds " + settings.maxBodyBytes() + " bytes (harvest.maxBodyBytes)", false))
            : vertx.fileSystem().readFile(path.toString()))
        .map(buffer -> new Fetched(url, null, buffer.getBytes(), 200, Validators.NONE));
  }

  public Future<Void> close() {
    return client.close();
  }
}
