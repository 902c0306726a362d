package org.dpgfed.harvester.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A registered source, as its operator described it.
 *
 * @param schedule an ISO-8601 duration, or "manual"
 * @param country ISO 3166-1 alpha-2, or null
 * @param query the CONSTRUCT of a sparql source, or null
 * @param fromConfig registered by the configuration file (may use file: URLs)
 */
public record Source(
    String id, String title, String url, String format, String schedule, String country,
    boolean enabled, String query, Instant createdAt, boolean fromConfig) {

  public static final String MANUAL = "manual";

  /** The period between runs, or empty for a manual source. */
  public Optional<Duration> period() {
    return MANUAL.equals(schedule) ? Optional.empty() : Optional.of(Duration.parse(schedule));
  }

  /** The same settings, keeping the creation time of what it replaces. */
  public Source createdAt(Instant when) {
    return new Source(id, title, url, format, schedule, country, enabled, query, when, fromConfig);
  }

  /** Whether a harvest of this source would fetch the same thing as one of {@code other}. */
  public boolean sameHarvestAs(Source other) {
    return url.equals(other.url) && format.equals(other.format) && java.util.Objects.equals(query, other.query);
  }
}
