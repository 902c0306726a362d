package org.dpgfed.harvester.web.admin;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Who presented a valid token: the admin, who may do everything, or an operator, who may manage
 * the sources whose ids match one of its patterns.
 */
record Principal(boolean admin, String name, List<Pattern> sources) {
  static final Principal ADMIN = new Principal(true, "admin", List.of());

  static Principal operator(String name, List<String> globs) {
    return new Principal(false, name, globs.stream().map(Principal::glob).toList());
  }

  boolean mayManage(String sourceId) {
    return admin || sources.stream().anyMatch(p -> p.matcher(sourceId).matches());
  }

  /** {@code ke-*} matches every id that starts with {@code ke-}; nothing else is special. */
  static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (String part : glob.split("\\*", -1)) {
      if (!regex.isEmpty()) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }
}
