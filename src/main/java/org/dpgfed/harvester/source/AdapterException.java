package org.dpgfed.harvester.source;

/**
 * A page could not be read at all (not the right format, not parseable). The message names the
 * cause and, where known, the line and column, so the run's error tells the operator what to fix.
 */
public class AdapterException extends Exception {
  public AdapterException(String message) {
    super(message);
  }

  public AdapterException(String message, Throwable cause) {
    super(message, cause);
  }
}
