package org.dpgfed.harvester.registry;

/**
 * What a harvest got from its source's URL, kept with each run and, for the last applied run, with
 * the source (sent back as a conditional request, compared to detect unchanged content). Any part
 * may be null.
 *
 * @param httpStatus the status of the last answer for the source's URL
 * @param etag the ETag it carried
 * @param lastModified the Last-Modified it carried
 * @param contentHash SHA-256 (hex) of every page the run read
 */
public record Retrieval(Integer httpStatus, String etag, String lastModified, String contentHash) {
  public static final Retrieval NONE = new Retrieval(null, null, null, null);
}
