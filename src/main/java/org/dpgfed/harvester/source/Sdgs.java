package org.dpgfed.harvester.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;

/**
 * Sustainable Development Goals written in any of the shapes registries use (3, "3", "SDG4: …",
 * "SDG-3", "Goal 16", [16, "Peace…"], {"SDGNumber": 3}) as the goal number 1..17.
 */
public final class Sdgs {
  public static final String NAMESPACE = "http://metadata.un.org/sdg/";

  /** An optional "SDG"/"Goal" prefix, then the number; "16.6.1" (a target or indicator) names goal 16. */
  private static final Pattern TEXT =
      Pattern.compile("(?i)^\\s*(?:(?:UN[\\s-]*)?SDGs?|GOAL)?[\\s_:#.-]*0*(\\d{1,2})(?!\\d)");
  private static final List<String> OBJECT_KEYS = List.of("SDGNumber", "sdgNumber", "sdg", "goal", "number", "id");

  private Sdgs() {}

  public static OptionalInt parse(String text) {
    if (text == null) {
      return OptionalInt.empty();
    }
    Matcher m = TEXT.matcher(text);
    return m.find() ? of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }

  /** A number, a string, a tuple (its first element) or an object with a number field. */
  public static OptionalInt parse(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return OptionalInt.empty();
    }
    if (node.isIntegralNumber() || (node.isNumber() && node.asDouble() == Math.rint(node.asDouble()))) {
      return node.canConvertToLong() ? of(node.asLong()) : OptionalInt.empty();
    }
    if (node.isTextual()) {
      return parse(node.asText());
    }
    if (node.isArray()) {
      return node.isEmpty() ? OptionalInt.empty() : parse(node.get(0));
    }
    if (node.isObject()) {
      for (String key : OBJECT_KEYS) {
        OptionalInt goal = parse(node.get(key));
        if (goal.isPresent()) {
          return goal;
        }
      }
    }
    return OptionalInt.empty();
  }

  public static OptionalInt of(long number) {
    return number >= 1 && number <= 17 ? OptionalInt.of((int) number) : OptionalInt.empty();
  }

  /** {@code http://metadata.un.org/sdg/{n}}, unpadded. */
  public static IRI iri(int goal) {
    return Values.iri(NAMESPACE + goal);
  }
}
