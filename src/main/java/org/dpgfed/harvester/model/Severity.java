package org.dpgfed.harvester.model;

/** How bad a problem found in a harvested record is. */
public enum Severity {
  /** The record was not stored. */
  VIOLATION,
  /** The record was stored, but something in it was dropped or guessed. */
  WARNING,
  /** Worth knowing; nothing was lost. */
  INFO;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
