package org.dpgfed.harvester.source.rdf;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import no.hasmac.jsonld.JsonLdError;
import no.hasmac.jsonld.JsonLdErrorCode;
import no.hasmac.jsonld.document.Document;
import no.hasmac.jsonld.document.JsonDocument;
import no.hasmac.jsonld.loader.DocumentLoader;
import no.hasmac.jsonld.loader.DocumentLoaderOptions;

/**
 * The JSON-LD document loader: a few well-known contexts answered from bundled files, every other
 * remote document refused. A harvested page never makes the node fetch anything.
 */
final class LocalContexts implements DocumentLoader {
  private static final Map<String, String> BUNDLED = Map.of(
      "https://doi.org/10.5063/schema/codemeta-2.0", "jsonld/codemeta-2.0.jsonld",
      "https://w3id.org/codemeta/3.0", "jsonld/codemeta-2.0.jsonld",
      "http://schema.org", "jsonld/schema-org.jsonld",
      "https://schema.org", "jsonld/schema-org.jsonld");

  @Override
  public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
    String key = url.toString().replaceAll("/+$", "");
    String resource = BUNDLED.get(key.toLowerCase(Locale.ROOT).startsWith("http://schema.org")
        || key.toLowerCase(Locale.ROOT).startsWith("https://schema.org") ? key.toLowerCase(Locale.ROOT) : key);
    if (resource == null) {
      throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
          "the remote JSON-LD context " + url + " is not fetched (only bundled copies of well-known contexts are used)");
    }
    try (InputStream in = LocalContexts.class.getClassLoader().getResourceAsStream(resource)) {
      JsonDocument document = JsonDocument.of(in);
      document.setDocumentUrl(url);
      return document;
    } catch (IOException e) {
      throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, e);
    }
  }
}
