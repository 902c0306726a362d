package org.dpgfed.harvester.source;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * BCP 47 language tags in their conventional case: primary language lower case ("IT" becomes
 * "it"), script title case, region upper case ("pt_br" becomes "pt-BR"), the rest lower case.
 * Anything that is not a well-formed tag is not a language.
 */
public final class Languages {
  private static final Pattern WELL_FORMED =
      Pattern.compile("(?i)[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|\\d{3}))?(-([a-z0-9]{5,8}|\\d[a-z0-9]{3}))*(-[a-wyz0-9](-[a-z0-9]{2,8})+)*(-x(-[a-z0-9]{1,8})+)?");

  private Languages() {}

  public static Optional<String> tag(String written) {
    String text = written == null ? "" : written.strip().replace('_', '-');
    if (!WELL_FORMED.matcher(text).matches()) {
      return Optional.empty();
    }
    String[] parts = text.split("-");
    StringBuilder tag = new StringBuilder(parts[0].toLowerCase(Locale.ROOT));
    for (int i = 1; i < parts.length; i++) {
      tag.append('-').append(subtag(parts[i], i));
    }
    return Optional.of(tag.toString());
  }

  private static String subtag(String part, int index) {
    String lower = part.toLowerCase(Locale.ROOT);
    if (index <= 2 && part.length() == 4 && Character.isLetter(part.charAt(0))) {
      return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
    if (index <= 2 && part.length() == 2) {
      return lower.toUpperCase(Locale.ROOT);
    }
    return lower;
  }
}
