package org.dpgfed.harvester.web;

import java.util.Map;

/** A request failed for a reason that has a status code; handlers throw it or fail the context with it. */
public class HttpError extends RuntimeException {
  private final int status;
  private final Map<String, String> headers;

  public HttpError(int status, String message) {
    this(status, message, Map.of());
  }

  public HttpError(int status, String message, Map<String, String> headers) {
    super(message);
    this.status = status;
    this.headers = Map.copyOf(headers);
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
