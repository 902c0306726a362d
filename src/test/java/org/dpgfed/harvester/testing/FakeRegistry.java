package org.dpgfed.harvester.testing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A national registry stand-in: a real HTTP server on 127.0.0.1 that answers each path as a test
 * told it to (a body, a status, silence, or one of the ways real servers misbehave), and keeps
 * the requests it got. An answer with an ETag or Last-Modified header honours conditional
 * requests with 304.
 */
public final class FakeRegistry extends VerticleBase {
  /** How an answer goes wrong on the wire, if it does. */
  public enum Mode {
    /** Answers as told. */
    NORMAL,
    /** Never answers. */
    HANG,
    /** Sends the headers, then one byte of the body every 100 ms, forever. */
    DRIP,
    /** Declares the whole body's length, sends half of it, and closes the connection. */
    TRUNCATE,
    /** Closes the connection without answering. */
    RESET
  }

  /** How to answer one path. */
  public record Answer(int status, Map<String, String> headers, Buffer body, Mode mode) {
    public static Answer json(String body) {
      return bytes("application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static Answer bytes(String contentType, byte[] body) {
      return new Answer(200, Map.of("Content-Type", contentType), Buffer.buffer(body), Mode.NORMAL);
    }

    /** A body sent gzip-compressed, as the server declares. */
    public static Answer gzip(byte[] compressed) {
      return new Answer(200, Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"),
          Buffer.buffer(compressed), Mode.NORMAL);
    }

    public static Answer status(int status) {
      return new Answer(status, Map.of("Content-Type", "text/plain"), Buffer.buffer("status " + status), Mode.NORMAL);
    }

    public static Answer redirect(String location) {
      return new Answer(302, Map.of("Location", location), Buffer.buffer(), Mode.NORMAL);
    }

    public static Answer silence() {
      return new Answer(200, Map.of(), null, Mode.HANG);
    }

    public static Answer drip() {
      return new Answer(200, Map.of("Content-Type", "application/json"), Buffer.buffer("["), Mode.DRIP);
    }

    public static Answer reset() {
      return new Answer(200, Map.of(), null, Mode.RESET);
    }

    /** This answer's body, cut in half on the wire. */
    public Answer truncated() {
      return new Answer(status, headers, body, Mode.TRUNCATE);
    }

    public Answer withHeader(String name, String value) {
      Map<String, String> more = new HashMap<>(headers);
      more.put(name, value);
      return new Answer(status, Map.copyOf(more), body, mode);
    }
  }

  /** A request as the registry got it. */
  public record Seen(Instant at, MultiMap headers, String method) {}

  private record Waiter(String path, int count, Promise<Void> promise) {}

  private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
  private final Map<String, List<Seen>> seen = new ConcurrentHashMap<>();
  private final List<Waiter> waiters = new CopyOnWriteArrayList<>();
  private final List<HttpServerRequest> held = new CopyOnWriteArrayList<>();
  private final Promise<Void> heldClosed = Promise.promise();
  private HttpServer server;

  /** A registry deployed on {@code vertx}, answering nothing yet. */
  public static FakeRegistry on(io.vertx.core.Vertx vertx) {
    FakeRegistry registry = new FakeRegistry();
    TestNode.await(vertx.deployVerticle(registry));
    return registry;
  }

  /** A registry deployed on {@code vertx}, answering {@code /dpgs} with the e2e fixture registry-v1.json. */
  public static FakeRegistry deploy(io.vertx.core.Vertx vertx) {
    return on(vertx).serveFile("/dpgs", Path.of("src/test/resources/e2e/registry-v1.json"));
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer().requestHandler(this::answer).listen(0, "127.0.0.1").onSuccess(s -> server = s);
  }

  public FakeRegistry serve(String path, Answer answer) {
    return serveInOrder(path, answer);
  }

  /** Each request takes the next answer; the last one answers every request after that. */
  public FakeRegistry serveInOrder(String path, Answer... inOrder) {
    answers.put(path, new ArrayDeque<>(List.of(inOrder)));
    return this;
  }

  public FakeRegistry serveFile(String path, Path file) {
    try {
      return serve(path, Answer.bytes("application/json", Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  public int port() {
    return server.actualPort();
  }

  public int hits(String path) {
    return requests(path).size();
  }

  /** The requests for a path, oldest first. */
  public List<Seen> requests(String path) {
    return List.copyOf(seen.getOrDefault(path, List.of()));
  }

  /** Completes once {@code path} has been asked for {@code count} times in all. */
  public Future<Void> awaitHits(String path, int count) {
    Promise<Void> promise = Promise.promise();
    waiters.add(new Waiter(path, count, promise));
    notifyWaiters();
    return promise.future();
  }

  private void notifyWaiters() {
    for (Waiter w : waiters) {
      if (hits(w.path()) >= w.count()) {
        w.promise().tryComplete();
        waiters.remove(w);
      }
    }
  }

  private Answer next(String path) {
    Deque<Answer> queue = answers.get(path);
    if (queue == null) {
      return null;
    }
    synchronized (queue) {
      return queue.size() > 1 ? queue.poll() : queue.peek();
    }
  }

  private void answer(HttpServerRequest request) {
    seen.computeIfAbsent(request.path(), p -> new CopyOnWriteArrayList<>())
        .add(new Seen(Instant.now(), MultiMap.caseInsensitiveMultiMap().addAll(request.headers()), request.method().name()));
    notifyWaiters();
    Answer answer = next(request.path());
    if (answer == null) {
      request.response().setStatusCode(404).end("no such path");
      return;
    }
    switch (answer.mode()) {
      case HANG -> hold(request);
      case RESET -> request.connection().close();
      case DRIP -> drip(request, answer);
      case TRUNCATE -> truncate(request, answer);
      case NORMAL -> send(request, answer);
    }
  }

  private void hold(HttpServerRequest request) {
    held.add(request);
    request.connection().closeHandler(v -> heldClosed.tryComplete());
  }

  /** Completes once the client has closed a connection this registry held without answering. */
  public Future<Void> heldConnectionClosed() {
    return heldClosed.future();
  }

  private static void send(HttpServerRequest request, Answer answer) {
    answer.headers().forEach(request.response()::putHeader);
    if (notModified(request, answer)) {
      request.response().setStatusCode(304).end();
    } else {
      request.response().setStatusCode(answer.status()).end(answer.body());
    }
  }

  /** Whether the client already holds this version (RFC 9110 section 13: If-None-Match wins). */
  private static boolean notModified(HttpServerRequest request, Answer answer) {
    String etag = answer.headers().get("ETag");
    String ifNoneMatch = request.getHeader("If-None-Match");
    if (etag != null && ifNoneMatch != null) {
      return ifNoneMatch.equals(etag) || ifNoneMatch.equals("*");
    }
    String lastModified = answer.headers().get("Last-Modified");
    return lastModified != null && lastModified.equals(request.getHeader("If-Modified-Since"));
  }

  private void drip(HttpServerRequest request, Answer answer) {
    answer.headers().forEach(request.response()::putHeader);
    request.response().setChunked(true).setStatusCode(200).write(answer.body());
    long timer = vertx.setPeriodic(100, id -> request.response().write(" "));
    request.connection().closeHandler(v -> vertx.cancelTimer(timer));
  }

  private static void truncate(HttpServerRequest request, Answer answer) {
    answer.headers().forEach(request.response()::putHeader);
    request.response().putHeader("Content-Length", String.valueOf(answer.body().length())).setStatusCode(answer.status())
        .write(answer.body().slice(0, answer.body().length() / 2))
        .onComplete(ar -> request.connection().close());
  }
}
