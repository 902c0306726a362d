package org.dpgfed.harvester.cli;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How commands talk to a running node (which holds the store's lock): its operators' API, with the
 * admin token from {@code --token} or the environment variable {@code DPG_ADMIN_TOKEN}.
 */
final class NodeClient {
  /** The node answered, but not with success. */
  static final class Refused extends IOException {
    Refused(String message) {
      super(message);
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final String token;

  private NodeClient(String base, String token) {
    this.base = base.replaceAll("/+$", "");
    this.token = token;
  }

  static NodeClient of(Args args) {
    String token = args.options().getOrDefault("token", args.env().getOrDefault("DPG_ADMIN_TOKEN", ""));
    if (token.isBlank()) {
      throw new UsageException("give the admin token with --token or the environment variable DPG_ADMIN_TOKEN");
    }
    return new NodeClient(args.required("node"), token);
  }

  JsonObject postJson(String path) throws IOException, InterruptedException {
    return json(send(request(path).POST(HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofString()));
  }

  JsonObject getJson(String path) throws IOException, InterruptedException {
    return json(send(request(path).GET(), HttpResponse.BodyHandlers.ofString()));
  }

  /** POSTs and writes a successful answer's body to {@code file}. */
  void postToFile(String path, Path file) throws IOException, InterruptedException {
    HttpResponse<Path> response = http.send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofFile(file));
    if (response.statusCode() != 200) {
      String body = java.nio.file.Files.readString(file);
      java.nio.file.Files.deleteIfExists(file);
      throw refusal(response.statusCode(), body);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
        .timeout(Duration.ofMinutes(5));
  }

  private HttpResponse<String> send(HttpRequest.Builder request, HttpResponse.BodyHandler<String> body)
      throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request.build(), body);
    if (response.statusCode() >= 300) {
      throw refusal(response.statusCode(), response.body());
    }
    return response;
  }

  private static JsonObject json(HttpResponse<String> response) {
    return new JsonObject(response.body());
  }

  private static Refused refusal(int status, String body) {
    String detail = body;
    try {
      detail = new JsonObject(body).getString("detail", body);
    } catch (RuntimeException e) {
      // not problem+json: the body as it is
    }
    return new Refused("the node answered " + status + ": " + detail.strip());
  }
}
