package org.dpgfed.harvester.fetch;

/**
 * What a server said identifies the version of a document, sent back on the next fetch so that an
 * unchanged document costs a 304 and no body.
 *
 * @param etag the ETag header as sent, or null
 * @param lastModified the Last-Modified header as sent, or null
 */
public record Validators(String etag, String lastModified) {
  public static final Validators NONE = new Validators(null, null);

  public boolean isEmpty() {
    return etag == null && lastModified == null;
  }
}
