package org.dpgfed.harvester.model;

import java.util.Objects;

/**
 * One problem found while harvesting.
 *
 * @param record the record's IRI, or while adapting the id the source uses (null for the whole page)
 * @param severity how bad it is
 * @param path a property IRI or a JSON pointer into the source record, or null
 * @param message what is wrong, for the repository operator
 */
public record Problem(String record, Severity severity, String path, String message) {
  public Problem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  public static Problem warning(String record, String path, String message) {
    return new Problem(record, Severity.WARNING, path, message);
  }

  public static Problem violation(String record, String path, String message) {
    return new Problem(record, Severity.VIOLATION, path, message);
  }

  public Problem withRecord(String newRecord) {
    return new Problem(newRecord, severity, path, message);
  }
}
