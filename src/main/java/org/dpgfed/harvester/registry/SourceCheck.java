package org.dpgfed.harvester.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.dpgfed.harvester.model.FieldError;
import org.dpgfed.harvester.model.InvalidInputException;

/**
 * Checks a source description field by field, the same way for the API and the configuration
 * file, and names every bad field at once.
 */
public final class SourceCheck {
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final Set<String> FIELDS =
      Set.of("id", "title", "url", "format", "schedule", "country", "enabled", "query", "createdAt", "status");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private final Set<String> formats;
  private final Duration minSchedule;

  public SourceCheck(Set<String> formats, Duration minSchedule) {
    this.formats = formats;
    this.minSchedule = minSchedule;
  }

  /**
   * @param fromConfig the configuration file may use file: URLs; the API may not
   * @throws InvalidInputException naming each bad field
   */
  public Source check(Map<String, Object> body, boolean fromConfig) {
    List<FieldError> errors = new ArrayList<>();
    body.keySet().stream().filter(k -> !FIELDS.contains(k)).sorted()
        .forEach(k -> errors.add(new FieldError(k, "unknown field")));
    String id = text(body, "id", true, errors);
    if (id != null && !ID.matcher(id).matches()) {
      errors.add(new FieldError("id", "must match [a-z0-9][a-z0-9-]{0,62}"));
    }
    String title = text(body, "title", true, errors);
    String url = url(text(body, "url", true, errors), fromConfig, errors);
    String format = text(body, "format", true, errors);
    if (format != null && !formats.contains(format)) {
      errors.add(new FieldError("format", "'" + format + "' is not a format this node harvests; one of " + formats));
    }
    String schedule = schedule(text(body, "schedule", false, errors), errors);
    String country = country(text(body, "country", false, errors), errors);
    boolean enabled = flag(body, errors);
    String query = text(body, "query", false, errors);
    if (query != null && !"sparql".equals(format)) {
      errors.add(new FieldError("query", "only a sparql source has a query"));
    }
    Instant createdAt = createdAt(body, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Source(id, title, url, format, schedule, country, enabled, query, createdAt, fromConfig);
  }

  private static String text(Map<String, Object> body, String field, boolean required, List<FieldError> errors) {
    Object value = body.get(field);
    if (value == null) {
      if (required) {
        errors.add(new FieldError(field, "is required"));
      }
      return null;
    }
    if (!(value instanceof String s)) {
      errors.add(new FieldError(field, "must be a string"));
      return null;
    }
    if (s.isBlank()) {
      errors.add(new FieldError(field, "must not be empty"));
      return null;
    }
    return s.strip();
  }

  private static String url(String url, boolean fromConfig, List<FieldError> errors) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (scheme.equals("file") && fromConfig) {
        return url;
      }
      if (!scheme.equals("http") && !scheme.equals("https")) {
        errors.add(new FieldError("url", fromConfig ? "must be an http, https or file URL"
            : "must be an absolute http or https URL (file: URLs only in the configuration file)"));
      } else if (uri.getHost() == null) {
        errors.add(new FieldError("url", "has no host"));
      } else if (uri.getRawUserInfo() != null) {
        errors.add(new FieldError("url", "must not carry credentials"));
      }
    } catch (URISyntaxException e) {
      errors.add(new FieldError("url", "is not a URL: " + e.getMessage()));
    }
    return url;
  }

  private String schedule(String schedule, List<FieldError> errors) {
    if (schedule == null || schedule.equals(Source.MANUAL)) {
      return schedule == null ? Source.MANUAL : schedule;
    }
    try {
      Duration period = Duration.parse(schedule);
      if (period.compareTo(minSchedule) < 0) {
        errors.add(new FieldError("schedule", "must be at least " + minSchedule + " (harvest.minSchedule)"));
      }
    } catch (DateTimeParseException e) {
      errors.add(new FieldError("schedule", "must be an ISO-8601 duration such as PT6H, or \"manual\""));
    }
    return schedule;
  }

  private static String country(String country, List<FieldError> errors) {
    if (country != null && !COUNTRIES.contains(country)) {
      errors.add(new FieldError("country", "must be an ISO 3166-1 alpha-2 code in upper case, such as KE"));
    }
    return country;
  }

  private static boolean flag(Map<String, Object> body, List<FieldError> errors) {
    Object value = body.getOrDefault("enabled", Boolean.TRUE);
    if (value instanceof Boolean b) {
      return b;
    }
    errors.add(new FieldError("enabled", "must be true or false"));
    return false;
  }

  private static Instant createdAt(Map<String, Object> body, List<FieldError> errors) {
    Object value = body.get("createdAt");
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value.toString());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError("createdAt", "must be the timestamp the server gave"));
      return null;
    }
  }
}
