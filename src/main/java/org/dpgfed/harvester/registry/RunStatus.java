package org.dpgfed.harvester.registry;

import java.util.Locale;

/** Where a harvest run stands. */
public enum RunStatus {
  QUEUED, RUNNING, SUCCEEDED, UNCHANGED, FAILED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RunStatus of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }

  public boolean finished() {
    return this == SUCCEEDED || this == UNCHANGED || this == FAILED;
  }
}
