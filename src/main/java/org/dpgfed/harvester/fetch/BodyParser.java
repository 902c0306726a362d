package org.dpgfed.harvester.fetch;

import java.io.InputStream;

/** Reads a body as it arrives, on a worker thread ({@link Fetcher#stream}). */
public interface BodyParser<T> {
  /** @param body the body; a read fails with the fetch's message when a limit is hit */
  T parse(String url, String contentType, InputStream body) throws Exception;
}
