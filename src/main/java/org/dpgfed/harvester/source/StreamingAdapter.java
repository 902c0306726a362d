package org.dpgfed.harvester.source;

import java.io.InputStream;
import java.util.Optional;

/**
 * An adapter that reads its document while it arrives instead of from a page held in memory, and
 * may ask for it with a request body (a SPARQL endpoint takes the query in a POST).
 */
public interface StreamingAdapter extends SourceAdapter {
  /**
   * What to POST to the source's URL.
   *
   * @param contentType the body's media type
   * @param body the body
   */
  record RequestBody(String contentType, byte[] body) {}

  /** The body to POST for the source's query; empty to GET the URL. */
  Optional<RequestBody> requestBody(String query);

  /** Reads the document as it streams in; the same contract as {@link #adapt(Page)}. */
  AdaptedPage adapt(String url, String contentType, InputStream body) throws AdapterException;
}
