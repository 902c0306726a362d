package org.dpgfed.harvester.source;

import static java.util.Map.entry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;

/**
 * SPDX licence ids as sources write them (any case, deprecated, as a URL, as an expression) turned
 * into the current ids, so that {@code dct:license spdx:GPL-3.0-only} is the one way to ask.
 */
public final class Licences {
  public static final String NAMESPACE = "http://spdx.org/licenses/";

  private static final Pattern SPDX_URL =
      Pattern.compile("(?i)^https?://(?:www\\.)?spdx\\.org/licenses/([^/?#]+?)(?:\\.html|\\.json)?/?$");
  private static final Pattern TOKEN = Pattern.compile("[()]|[^\\s()]+");
  private static final Set<String> OPERATORS = Set.of("AND", "OR", "WITH");
  /** Ids whose "+" (or later) form has its own current id. */
  private static final Set<String> OR_LATER = Set.of("GPL-1.0", "GPL-2.0", "GPL-3.0", "LGPL-2.0", "LGPL-2.1",
      "LGPL-3.0", "AGPL-1.0", "AGPL-3.0", "GFDL-1.1", "GFDL-1.2", "GFDL-1.3");
  /**
   * The licence SPDX points deprecated ids to. The "-with-…-exception" ids became
   * "{licence} WITH {exception}"; only the licence is a licence, so only it is kept here.
   */
  private static final Map<String, String> REPLACED = Map.ofEntries(
      entry("AGPL-1.0", "AGPL-1.0-only"), entry("AGPL-3.0", "AGPL-3.0-only"),
      entry("GPL-1.0", "GPL-1.0-only"), entry("GPL-2.0", "GPL-2.0-only"), entry("GPL-3.0", "GPL-3.0-only"),
      entry("LGPL-2.0", "LGPL-2.0-only"), entry("LGPL-2.1", "LGPL-2.1-only"), entry("LGPL-3.0", "LGPL-3.0-only"),
      entry("GFDL-1.1", "GFDL-1.1-only"), entry("GFDL-1.2", "GFDL-1.2-only"), entry("GFDL-1.3", "GFDL-1.3-only"),
      entry("GPL-2.0-with-GCC-exception", "GPL-2.0-only"), entry("GPL-2.0-with-autoconf-exception", "GPL-2.0-only"),
      entry("GPL-2.0-with-bison-exception", "GPL-2.0-only"), entry("GPL-2.0-with-classpath-exception", "GPL-2.0-only"),
      entry("GPL-2.0-with-font-exception", "GPL-2.0-only"), entry("GPL-3.0-with-GCC-exception", "GPL-3.0-only"),
      entry("GPL-3.0-with-autoconf-exception", "GPL-3.0-only"), entry("eCos-2.0", "GPL-2.0-or-later"),
      entry("wxWindows", "GPL-2.0-or-later"), entry("BSD-2-Clause-FreeBSD", "BSD-2-Clause-Views"),
      entry("BSD-2-Clause-NetBSD", "BSD-2-Clause"), entry("StandardML-NJ", "SMLNJ"),
      entry("bzip2-1.0.5", "bzip2-1.0.6"));
  /** Names that are not SPDX ids but mean exactly one. */
  private static final Map<String, String> ALIASES = Map.of("cc0", "CC0-1.0");

  private Licences() {}

  /**
   * What a licence field says.
   *
   * @param ids the current SPDX ids it names, in order, without duplicates (a deprecated id
   *     without a replacement stays as it is: it still resolves)
   * @param unknown what could not be read as an SPDX id
   */
  public record Reading(List<String> ids, List<String> unknown) {
    public Reading {
      ids = List.copyOf(ids);
      unknown = List.copyOf(unknown);
    }
  }

  /** Reads one id, an SPDX URL or an expression with AND, OR, WITH and parentheses. */
  public static Reading read(String written) {
    String text = written == null ? "" : written.strip();
    if (text.isEmpty()) {
      return new Reading(List.of(), List.of());
    }
    Optional<String> whole = current(text);
    if (whole.isPresent()) {
      return new Reading(List.of(whole.get()), List.of());
    }
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      tokens.add(m.group());
    }
    boolean expression = tokens.stream().anyMatch(t -> t.equals("(") || OPERATORS.contains(t.toUpperCase(Locale.ROOT)));
    if (!expression) {
      return new Reading(List.of(), List.of(text));
    }
    return readExpression(tokens);
  }

  private static Reading readExpression(List<String> tokens) {
    Set<String> ids = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    boolean exceptionNext = false;
    for (String token : tokens) {
      String upper = token.toUpperCase(Locale.ROOT);
      if (token.equals("(") || token.equals(")") || upper.equals("AND") || upper.equals("OR")) {
        continue;
      }
      if (upper.equals("WITH")) {
        exceptionNext = true; // the next token names an exception, which is not a licence
        continue;
      }
      if (exceptionNext) {
        exceptionNext = false;
        continue;
      }
      current(token).ifPresentOrElse(ids::add, () -> unknown.add(token));
    }
    return new Reading(new ArrayList<>(ids), unknown);
  }

  /** One id (any case, deprecated, "+", or an spdx.org URL) as the current id, if it is one. */
  public static Optional<String> current(String written) {
    String id = written == null ? "" : written.strip();
    Matcher url = SPDX_URL.matcher(id);
    if (url.matches()) {
      id = url.group(1);
    }
    boolean orLater = id.endsWith("+");
    if (orLater) {
      id = id.substring(0, id.length() - 1);
    }
    String lower = id.toLowerCase(Locale.ROOT);
    String known = Lists.CURRENT.get(lower);
    if (known == null && ALIASES.containsKey(lower)) {
      known = ALIASES.get(lower);
    }
    if (known == null) {
      known = Lists.DEPRECATED.get(lower);
      if (known == null) {
        return Optional.empty();
      }
      if (orLater && OR_LATER.contains(known)) {
        return Optional.of(known + "-or-later");
      }
      known = REPLACED.getOrDefault(known, known);
    }
    return Optional.of(known);
  }

  public static IRI iri(String currentId) {
    return Values.iri(NAMESPACE + currentId);
  }

  /** The SPDX lists, read once on first use (immutable reference data). */
  private static final class Lists {
    static final Map<String, String> CURRENT = byLowerCase("reference/spdx-license-ids.json");
    static final Map<String, String> DEPRECATED = byLowerCase("reference/spdx-license-ids-deprecated.json");

    private static Map<String, String> byLowerCase(String resource) {
      try (InputStream in = Licences.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + resource);
        }
        List<String> ids = new ObjectMapper().readValue(in, new TypeReference<List<String>>() {});
        Map<String, String> map = new HashMap<>();
        ids.forEach(id -> map.put(id.toLowerCase(Locale.ROOT), id));
        return Map.copyOf(map);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
    }
  }
}
