package org.dpgfed.harvester.fetch;

/**
 * A fetch failed; the message is what the run reports (status code, timeout, cap, address).
 *
 * @see #retryable() whether another attempt may succeed
 */
public class FetchException extends RuntimeException {
  private final boolean retryable;
  private final long retryAfterMillis;
  private final int status;

  public FetchException(String message, boolean retryable) {
    this(message, retryable, -1, -1);
  }

  /**
   * @param retryAfterMillis what the server asked for in Retry-After, or -1
   * @param status the HTTP status the server answered with, or -1
   */
  public FetchException(String message, boolean retryable, long retryAfterMillis, int status) {
    super(message);
    this.retryable = retryable;
    this.retryAfterMillis = retryAfterMillis;
    this.status = status;
  }

  /** The same failure with a longer message (attempts made, time left). */
  FetchException withMessage(String message, boolean stillRetryable) {
    return new FetchException(message, stillRetryable, retryAfterMillis, status);
  }

  public boolean retryable() {
    return retryable;
  }

  /** What the server asked for in Retry-After, or -1. */
  public long retryAfterMillis() {
    return retryAfterMillis;
  }

  /** The HTTP status the server answered with, or -1 when there was no answer. */
  public int status() {
    return status;
  }
}
