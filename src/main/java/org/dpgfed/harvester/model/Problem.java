package org.dpgfed.harvester.model;

import java.util.Objects;

/**
 * One problem found while harvesting.
 *
 * @param record the record's IRI, or while adapting the id the source uses (null for the whole page)
 * @param severity how bad it is
 * @param path a property IRI or a JSON pointer into the source record, or null
 * @param message what is wrong, for the repository operator
 * @param check the SHACL shape and constraint component that found it, or null when the adapter did
 */
public record Problem(String record, Severity severity, String path, String message, Check check) {
  public Problem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  /**
   * The SHACL shape that found a problem, and its constraint component (both IRIs).
   */
  public record Check(String shape, String component) {
    public Check {
      Objects.requireNonNull(shape, "shape");
      Objects.requireNonNull(component, "component");
    }
  }

  public Problem(String record, Severity severity, String path, String message) {
    this(record, severity, path, message, null);
  }

  public static Problem warning(String record, String path, String message) {
    return new Problem(record, Severity.WARNING, path, message);
  }

  public static Problem violation(String record, String path, String message) {
    return new Problem(record, Severity.VIOLATION, path, message);
  }

  public Problem withRecord(String newRecord) {
    return new Problem(newRecord, severity, path, message, check);
  }
}
