package org.dpgfed.harvester.source;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.XSD;

/**
 * Dates as sources write them: YAML timestamps ({@code releaseDate: 2026-02-02}, or
 * {@code 2021-03-08 10:00:00}), ISO date-times with or without an offset, dates alone. A date
 * becomes {@code xsd:date}, a date-time {@code xsd:dateTime}; anything else ("06/05/2009", "")
 * is not a date.
 */
public final class Dates {
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  /** YAML 1.1 allows a space, lower-case t and a space before the zone. */
  private static final Pattern YAML_SPACE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})[ tT]+(\\d)");

  private Dates() {}

  public static Optional<Literal> literal(String written) {
    String text = written == null ? "" : written.strip();
    if (DATE.matcher(text).matches()) {
      return parse(() -> Values.literal(LocalDate.parse(text).toString(), XSD.DATE));
    }
    String iso = YAML_SPACE.matcher(text).replaceFirst("$1T$2").replaceFirst(" +(?=[Zz+-]\\d{0,2}:?\\d{0,2}$)", "");
    Optional<Literal> withOffset = parse(() -> Values.literal(OffsetDateTime.parse(iso.replace('z', 'Z')).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
        XSD.DATETIME));
    return withOffset.isPresent() ? withOffset
        : parse(() -> Values.literal(LocalDateTime.parse(iso).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME), XSD.DATETIME));
  }

  private interface Parse {
    Literal get();
  }

  private static Optional<Literal> parse(Parse parse) {
    try {
      return Optional.of(parse.get());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
