package org.dpgfed.harvester.web.ld;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import org.dpgfed.harvester.web.sparql.ResultFormat;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;

/** {@code GET /vocab}: the shared vocabulary the node is built on, in every RDF format by Accept. */
public final class VocabHandler implements Handler<RoutingContext> {
  private final Map<ResultFormat, byte[]> serialised = new EnumMap<>(ResultFormat.class);

  public VocabHandler() {
    Model vocabulary;
    try (InputStream in = VocabHandler.class.getResourceAsStream("/vocab/dpg.ttl")) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks vocab/dpg.ttl");
      }
      vocabulary = Rio.parse(in, RDFFormat.TURTLE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (ResultFormat format : ResultFormat.values()) {
      if (format.serves(ResultFormat.Form.GRAPH)) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Rio.write(vocabulary, out, format.rdfFormat());
        serialised.put(format, out.toByteArray());
      }
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    ResultFormat format = ResultFormat.negotiateRdf(ctx.request().getHeader("Accept"), "the vocabulary");
    ctx.response().putHeader("Content-Type", format.contentType()).putHeader("Vary", "Accept")
        .end(Buffer.buffer(serialised.get(format)));
  }
}
