package org.dpgfed.harvester.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.repository.RepositoryException;

/**
 * A SPARQL 1.1 Graph Store HTTP Protocol endpoint: a graph is replaced by {@code PUT ?graph=...}
 * with an N-Triples body (blank nodes skolemised, {@link Skolem}), written to a temporary file first
 * so that a large graph is not held twice; and dropped by {@code DELETE}.
 */
final class GraphStore {
  private static final Duration CONNECT = Duration.ofSeconds(30);

  private final String endpoint;
  private final String authorization;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT).build();

  /** @param username empty: no login */
  GraphStore(String endpoint, String username, String password) {
    this.endpoint = endpoint;
    this.authorization = username.isEmpty() ? null : "Basic " + Base64.getEncoder()
        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Makes {@code graph} hold exactly {@code statements} (their own graphs are ignored). */
  void put(IRI graph, Model statements) {
    Path body = null;
    try {
      body = Files.createTempFile("dpg-graph-", ".nt");
      try (OutputStream out = Files.newOutputStream(body)) {
        RDFWriter writer = Rio.createWriter(RDFFormat.NTRIPLES, out);
        writer.startRDF();
        for (Statement st : statements) {
          writer.handleStatement(Skolem.out(st));
        }
        writer.endRDF();
      }
      send(request(graph).header("Content-Type", "application/n-triples; charset=utf-8")
          .PUT(HttpRequest.BodyPublishers.ofFile(body)), "PUT");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a graph for the graph store", e);
    } finally {
      if (body != null) {
        body.toFile().delete();
      }
    }
  }

  /** Drops {@code graph}; a graph that is not there is no error. */
  void delete(IRI graph) {
    send(request(graph).DELETE(), "DELETE");
  }

  private HttpRequest.Builder request(IRI graph) {
    String separator = endpoint.contains("?") ? "&" : "?";
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + separator + "graph="
        + URLEncoder.encode(graph.stringValue(), StandardCharsets.UTF_8)));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request;
  }

  private void send(HttpRequest.Builder request, String method) {
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new RepositoryException("the graph store did not answer a " + method + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RepositoryException("interrupted while the graph store answered a " + method, e);
    }
    int status = response.statusCode();
    if (status / 100 != 2 && !(method.equals("DELETE") && status == 404)) {
      throw new RepositoryException("the graph store answered a " + method + " with " + status + ": "
          + response.body().lines().limit(3).reduce((a, b) -> a + " " + b).orElse(""));
    }
  }
}
