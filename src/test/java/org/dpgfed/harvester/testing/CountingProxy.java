package org.dpgfed.harvester.testing;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP proxy on 127.0.0.1 in front of one node, counting the requests and bytes that pass,
 * so a test can see what an incremental harvest cost. The node's public base URL points here.
 */
public final class CountingProxy extends VerticleBase {
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private final AtomicLong bytes = new AtomicLong();
  private volatile int target;
  private HttpServer server;
  private HttpClient client;

  @Override
  public Future<?> start() {
    client = vertx.createHttpClient();
    return vertx.createHttpServer().requestHandler(this::forward).listen(0, "127.0.0.1").onSuccess(s -> server = s);
  }

  public int port() {
    return server.actualPort();
  }

  /** Where requests go from now on. */
  public void target(int port) {
    target = port;
  }

  public List<String> paths() {
    return List.copyOf(paths);
  }

  public long bytes() {
    return bytes.get();
  }

  public void reset() {
    paths.clear();
    bytes.set(0);
  }

  private void forward(HttpServerRequest in) {
    paths.add(in.uri());
    RequestOptions options = new RequestOptions().setMethod(in.method()).setHost("127.0.0.1").setPort(target)
        .setURI(in.uri()).setHeaders(in.headers());
    in.body()
        .compose(body -> client.request(options).compose(out -> out.send(body)))
        .compose(res -> res.body().map(body -> {
          bytes.addAndGet(body.length());
          in.response().setStatusCode(res.statusCode()).headers().setAll(res.headers());
          in.response().end(body);
          return null;
        }))
        .onFailure(err -> in.response().setStatusCode(502).end(String.valueOf(err.getMessage())));
  }
}
