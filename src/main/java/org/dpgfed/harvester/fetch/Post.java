package org.dpgfed.harvester.fetch;

/**
 * A body to POST instead of a GET (a SPARQL query).
 *
 * @param contentType its media type, such as {@code application/sparql-query}
 * @param body its bytes
 */
public record Post(String contentType, byte[] body) {
  public Post {
    if (contentType == null || body == null) {
      throw new IllegalArgumentException("a POST needs a content type and a body");
    }
  }
}
