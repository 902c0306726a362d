package org.dpgfed.harvester.web.ld;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dpgfed.harvester.web.sparql.ResultFormat;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;

/**
 * {@code GET /vocab}: the shared vocabulary the node is built on, in every RDF format by Accept.
 * Each format is written once, when first asked for, on a worker: a start never waits for writers
 * it may not need (the JSON-LD writer alone loads a JSON-LD processor and its HTTP client).
 */
public final class VocabHandler implements Handler<RoutingContext> {
  private final WorkerExecutor workers;
  private final Map<ResultFormat, Future<Buffer>> serialised = new ConcurrentHashMap<>();

  public VocabHandler(WorkerExecutor workers) {
    this.workers = workers;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ResultFormat format = ResultFormat.negotiateRdf(ctx.request().getHeader("Accept"), "the vocabulary");
    serialised.computeIfAbsent(format, f -> workers.executeBlocking(() -> serialise(f), false))
        .onSuccess(body -> ctx.response().putHeader("Content-Type", format.contentType()).putHeader("Vary", "Accept")
            .end(body))
        .onFailure(ctx::fail);
  }

  private static Buffer serialise(ResultFormat format) throws IOException {
    Model vocabulary;
    try (InputStream in = VocabHandler.class.getResourceAsStream("/vocab/dpg.ttl")) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks vocab/dpg.ttl");
      }
      vocabulary = Rio.parse(in, RDFFormat.TURTLE);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Rio.write(vocabulary, out, format.rdfFormat());
    return Buffer.buffer(out.toByteArray());
  }
}
