package org.dpgfed.harvester.bench;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;

/** Talks to one of our nodes over its HTTP API, as an operator and a researcher would. */
final class NodeClient {
  static final String TOKEN = "bench-admin-token";

  private final String base;

  NodeClient(String base) {
    this.base = base;
  }

  /** Registers a source and waits for its first run; returns the finished run. */
  JsonObject harvest(String id, String url, String format) throws Exception {
    String body = new JsonObject().put("id", id).put("title", id).put("url", url).put("format", format)
        .put("schedule", "manual").encode();
    HttpResponse<String> created = Child.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/sources"))
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 201) {
      throw new IllegalStateException("registering " + id + ": " + created.statusCode() + " " + created.body());
    }
    return await(new JsonObject(created.body()).getJsonObject("status").getJsonObject("lastRun").getString("id"));
  }

  /** Unregisters a source; its graph goes with it. */
  void delete(String id) throws Exception {
    HttpResponse<String> deleted = Child.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/sources/" + id))
        .header("Authorization", "Bearer " + TOKEN).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    if (deleted.statusCode() != 204) {
      throw new IllegalStateException("deleting " + id + ": " + deleted.statusCode() + " " + deleted.body());
    }
  }

  /** Triggers a source again and waits for the run. */
  JsonObject reharvest(String id) throws Exception {
    HttpResponse<String> run = Child.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/sources/" + id + "/harvest"))
        .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    return await(new JsonObject(run.body()).getString("id"));
  }

  JsonObject await(String runId) throws Exception {
    while (true) {
      HttpResponse<String> response = Child.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/runs/" + runId
          + "?wait=PT1M")).GET().build(), HttpResponse.BodyHandlers.ofString());
      JsonObject run = new JsonObject(response.body());
      if (run.getString("status").matches("succeeded|unchanged|failed")) {
        return run;
      }
    }
  }

  /** A graph of ours, as statements (exported through the SPARQL endpoint), parsed as they stream in into one list. */
  List<Statement> graph(String graph) throws Exception {
    List<Statement> statements = new ArrayList<>();
    try (java.io.InputStream in = ntriples(graph)) {
      org.eclipse.rdf4j.rio.RDFParser parser = Rio.createParser(RDFFormat.NTRIPLES);
      parser.setRDFHandler(new org.eclipse.rdf4j.rio.helpers.StatementCollector(statements));
      parser.parse(in, "");
    }
    return statements;
  }

  /** Every graph our endpoint serves. */
  List<String> graphs() throws Exception {
    String query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }";
    HttpResponse<String> response = Child.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sparql?query="
        + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", "text/csv").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    return response.body().lines().skip(1).filter(line -> !line.isBlank()).toList();
  }

  /** A graph of ours as N-Triples, streamed (for loading elsewhere without holding it). */
  java.io.InputStream ntriples(String graph) throws Exception {
    String query = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <" + graph + "> { ?s ?p ?o } }";
    return Child.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sparql?query="
        + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", "application/n-triples").GET().build(),
        HttpResponse.BodyHandlers.ofInputStream()).body();
  }

  static double seconds(JsonObject run) {
    return (java.time.Instant.parse(run.getString("finishedAt")).toEpochMilli()
        - java.time.Instant.parse(run.getString("startedAt")).toEpochMilli()) / 1000.0;
  }
}
