package org.dpgfed.harvester.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Content negotiation as a table: the server lists what it can send, in its order of preference;
 * the Accept header's q-values pick. The most specific media range decides each type's q
 * (RFC 9110 12.5.1); ties go to the server's order.
 */
public final class ConNeg {
  private ConNeg() {}

  /** One media range of an Accept header. */
  record Range(String type, String subtype, double q) {
    int specificity() {
      return type.equals("*") ? 0 : subtype.equals("*") ? 1 : 2;
    }

    boolean matches(String mediaType) {
      String[] parts = mediaType.split("/");
      return (type.equals("*") || type.equals(parts[0])) && (subtype.equals("*") || subtype.equals(parts[1]));
    }
  }

  /**
   * @param accept the Accept header, or null (anything goes)
   * @param offered media types in the server's order of preference
   * @return the chosen media type, or empty when nothing offered is acceptable (406)
   */
  public static Optional<String> choose(String accept, List<String> offered) {
    if (accept == null || accept.isBlank()) {
      return offered.stream().findFirst();
    }
    List<Range> ranges = parse(accept);
    String best = null;
    double bestQ = 0;
    for (String type : offered) {
      double q = quality(ranges, type);
      if (q > bestQ) {
        best = type;
        bestQ = q;
      }
    }
    return Optional.ofNullable(best);
  }

  static double quality(List<Range> ranges, String mediaType) {
    return ranges.stream().filter(r -> r.matches(mediaType))
        .max(Comparator.comparingInt(Range::specificity)).map(Range::q).orElse(0.0);
  }

  static List<Range> parse(String accept) {
    List<Range> ranges = new ArrayList<>();
    for (String part : accept.split(",")) {
      String[] params = part.trim().split(";");
      String[] type = params[0].trim().toLowerCase(Locale.ROOT).split("/");
      if (type.length != 2 || type[0].isEmpty() || type[1].isEmpty()) {
        continue;
      }
      double q = 1.0;
      for (int i = 1; i < params.length; i++) {
        String[] kv = params[i].trim().split("=");
        if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("q")) {
          try {
            q = Math.max(0, Math.min(1, Double.parseDouble(kv[1].trim())));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      ranges.add(new Range(type[0], type[1], q));
    }
    return ranges;
  }
}
