package org.dpgfed.harvester.source;

/**
 * One fetched document: a whole source, or one page of a paged source.
 *
 * @param url where it came from (for messages and for resolving relative links)
 * @param contentType the media type the server declared, or null
 * @param body the bytes as received, after decompression
 */
public record Page(String url, String contentType, byte[] body) {}
