package org.dpgfed.harvester.testing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A national registry stand-in: a real HTTP server on 127.0.0.1 that answers each path as a test
 * told it to (a body, a status, or silence), and counts the requests it got.
 */
public final class FakeRegistry extends VerticleBase {
  /** How to answer one path. {@code hang} never answers. */
  public record Answer(int status, Map<String, String> headers, Buffer body, boolean hang) {
    public static Answer json(String body) {
      return bytes("application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static Answer bytes(String contentType, byte[] body) {
      return new Answer(200, Map.of("Content-Type", contentType), Buffer.buffer(body), false);
    }

    /** A body sent gzip-compressed, as the server declares. */
    public static Answer gzip(byte[] compressed) {
      return new Answer(200, Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"),
          Buffer.buffer(compressed), false);
    }

    public static Answer status(int status) {
      return new Answer(status, Map.of("Content-Type", "text/plain"), Buffer.buffer("status " + status), false);
    }

    public static Answer redirect(String location) {
      return new Answer(302, Map.of("Location", location), Buffer.buffer(), false);
    }

    public static Answer silence() {
      return new Answer(200, Map.of(), null, true);
    }
  }

  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private record Waiter(String path, int count, Promise<Void> promise) {}

  private final List<Waiter> waiters = new CopyOnWriteArrayList<>();
  private final List<HttpServerRequest> held = new CopyOnWriteArrayList<>();
  private HttpServer server;

  /** A registry deployed on {@code vertx}, answering {@code /dpgs} with the e2e fixture registry-v1.json. */
  public static FakeRegistry deploy(io.vertx.core.Vertx vertx) {
    FakeRegistry registry = new FakeRegistry();
    TestNode.await(vertx.deployVerticle(registry));
    return registry.serveFile("/dpgs", Path.of("src/test/resources/e2e/registry-v1.json"));
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer().requestHandler(this::answer).listen(0, "127.0.0.1").onSuccess(s -> server = s);
  }

  public FakeRegistry serve(String path, Answer answer) {
    answers.put(path, answer);
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

  public int hits(String path) {
    return hits.getOrDefault(path, new AtomicInteger()).get();
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

  private void answer(HttpServerRequest request) {
    hits.computeIfAbsent(request.path(), p -> new AtomicInteger()).incrementAndGet();
    notifyWaiters();
    Answer answer = answers.get(request.path());
    if (answer == null) {
      request.response().setStatusCode(404).end("no such path");
    } else if (answer.hang()) {
      held.add(request);
    } else {
      answer.headers().forEach(request.response()::putHeader);
      request.response().setStatusCode(answer.status()).end(answer.body());
    }
  }
}
