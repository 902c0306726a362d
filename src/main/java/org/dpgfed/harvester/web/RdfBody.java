package org.dpgfed.harvester.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import no.hasmac.jsonld.JsonLd;
import no.hasmac.jsonld.JsonLdError;
import no.hasmac.jsonld.JsonLdErrorCode;
import no.hasmac.jsonld.JsonLdOptions;
import no.hasmac.jsonld.document.JsonDocument;
import org.dpgfed.harvester.model.Iris;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.WriterConfig;
import org.eclipse.rdf4j.rio.helpers.JSONLDMode;
import org.eclipse.rdf4j.rio.helpers.JSONLDSettings;

/**
 * The bytes of an RDF response. JSON-LD is compacted with the context the node publishes
 * ({@code vocab/contexts/dpg.jsonld}, read from the jar: nothing is fetched) and names it by its
 * URL under the node's base, so clients see the same short terms everywhere; every other format
 * is written as Rio writes it. Blocking: call on a worker.
 */
public final class RdfBody {
  /** Where the node serves its context. */
  public static final String CONTEXT_PATH = "/vocab/context.jsonld";
  private static final String CONTEXT_FILE = "/vocab/contexts/dpg.jsonld";
  private static final JsonDocument CONTEXT = loadContext();
  private static final JsonWriterFactory PRETTY = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

  private RdfBody() {}

  public static byte[] write(Model model, RDFFormat format, Iris iris) {
    if (format.equals(RDFFormat.JSONLD)) {
      return jsonLd(model, iris.base() + CONTEXT_PATH);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Rio.write(model, out, format);
    return out.toByteArray();
  }

  private static byte[] jsonLd(Model model, String contextUrl) {
    WriterConfig config = new WriterConfig();
    config.set(JSONLDSettings.JSONLD_MODE, JSONLDMode.EXPAND);
    ByteArrayOutputStream expanded = new ByteArrayOutputStream();
    Rio.write(model, expanded, RDFFormat.JSONLD, config);
    JsonLdOptions options = new JsonLdOptions();
    options.setDocumentLoader((url, o) -> {
      throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "the node fetches no document: " + url);
    });
    JsonObject compacted;
    try {
      compacted = JsonLd.compact(JsonDocument.of(new ByteArrayInputStream(expanded.toByteArray())), CONTEXT)
          .options(options).get();
    } catch (JsonLdError e) {
      throw new IllegalStateException("JSON-LD compaction failed: " + e.getMessage(), e);
    }
    JsonObject named = Json.createObjectBuilder(compacted).add("@context", contextUrl).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonWriter writer = PRETTY.createWriter(out)) {
      writer.writeObject(named);
    }
    return out.toByteArray();
  }

  private static JsonDocument loadContext() {
    try (InputStream in = RdfBody.class.getResourceAsStream(CONTEXT_FILE)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + CONTEXT_FILE);
      }
      return JsonDocument.of(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JsonLdError e) {
      throw new IllegalStateException(CONTEXT_FILE + " is not JSON: " + e.getMessage(), e);
    }
  }
}
