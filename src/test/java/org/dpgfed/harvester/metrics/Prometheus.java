package org.dpgfed.harvester.metrics;

import java.util.Arrays;

/** Reads one sample out of Prometheus text, for assertions. */
public final class Prometheus {
  private Prometheus() {}

  /**
   * The value of the sample named {@code name} whose labels include every one of {@code labels}
   * (written as in the text, {@code source="x"}); NaN when there is none.
   */
  public static double value(String text, String name, String... labels) {
    return text.lines()
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .filter(line -> Arrays.stream(labels).allMatch(line::contains))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst().orElse(Double.NaN);
  }
}
