package org.dpgfed.harvester.fetch;

/**
 * A fetch failed; the message is what the run reports (status code, timeout, cap, address).
 *
 * @see #retryable() whether another attempt may succeed
 */
public class FetchException extends RuntimeException {
  private final boolean retryable;
  private final long retryAfterMillis;

  public FetchException(String message, boolean retryable) {
    this(message, retryable, -1);
  }

  public FetchException(String message, boolean retryable, long retryAfterMillis) {
    super(message);
    this.retryable = retryable;
    this.retryAfterMillis = retryAfterMillis;
  }

  public boolean retryable() {
    return retryable;
  }

  /** What the server asked for in Retry-After, or -1. */
  public long retryAfterMillis() {
    return retryAfterMillis;
  }
}
