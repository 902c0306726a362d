package org.dpgfed.harvester.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a Retry-After header: delay-seconds or an HTTP-date (RFC 9110 section 10.2.3). */
final class RetryAfter {
  /** The longest wait a server can ask for; a longer one is cut to this. */
  static final Duration MAX = Duration.ofHours(1);

  private RetryAfter() {}

  /** The wait in milliseconds, 0 for a date already past, or -1 when absent or unreadable. */
  static long millis(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return -1;
    }
    String value = header.trim();
    if (value.chars().allMatch(Character::isDigit)) {
      return value.length() > 7 ? MAX.toMillis() : Math.min(Long.parseLong(value) * 1000, MAX.toMillis());
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Math.min(Math.max(0, Duration.between(now, at).toMillis()), MAX.toMillis());
    } catch (DateTimeParseException e) {
      return -1;
    }
  }
}
