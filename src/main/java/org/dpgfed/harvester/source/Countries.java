package org.dpgfed.harvester.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;

/**
 * Countries as registries write them (ISO names, everyday names like "Tanzania" or "VietNam",
 * alpha-2 or alpha-3 codes) as ISO 3166-1 alpha-3 codes, the local names of the EU Publications
 * Office country authority. Kosovo, which has no ISO code, is {@code XKX} there.
 */
public final class Countries {
  public static final String NAMESPACE = "http://publications.europa.eu/resource/authority/country/";

  private static final Pattern CODE = Pattern.compile("[A-Za-z]{2,3}");
  private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´]");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private Countries() {}

  /** The alpha-3 code for a name, alias, alpha-2 or alpha-3 code; empty when unknown or blank. */
  public static Optional<String> alpha3(String nameOrCode) {
    if (nameOrCode == null || nameOrCode.isBlank()) {
      return Optional.empty();
    }
    String text = nameOrCode.strip();
    if (CODE.matcher(text).matches()) {
      String byCode = Table.BY_CODE.get(text.toUpperCase(Locale.ROOT));
      if (byCode != null) {
        return Optional.of(byCode);
      }
    }
    return Optional.ofNullable(Table.BY_NAME.get(key(text)));
  }

  public static IRI iri(String alpha3) {
    return Values.iri(NAMESPACE + alpha3);
  }

  /** Case, accents, apostrophes, punctuation and spacing do not tell country names apart. */
  static String key(String name) {
    String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
    String lower = APOSTROPHES.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("");
    return NOT_ALNUM.matcher(lower).replaceAll(" ").strip();
  }

  /** The ISO list and our aliases, read once on first use (immutable reference data). */
  private static final class Table {
    static final Map<String, String> BY_CODE = new HashMap<>();
    static final Map<String, String> BY_NAME = new HashMap<>();

    static {
      readIso("reference/iso3166.json");
      readAliases("reference/country-aliases.tsv");
    }

    private static void readIso(String resource) {
      try (InputStream in = open(resource)) {
        for (JsonNode country : new ObjectMapper().readTree(in)) {
          String alpha3 = country.path("alpha-3").asText();
          BY_CODE.put(alpha3, alpha3);
          BY_CODE.put(country.path("alpha-2").asText(), alpha3);
          BY_NAME.put(key(country.path("name").asText()), alpha3);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
    }

    private static void readAliases(String resource) {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(open(resource), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          String[] parts = line.split("\t");
          if (parts.length != 2) {
            throw new IllegalStateException(resource + ": expected 'alias<TAB>alpha-3' in: " + line);
          }
          String alpha3 = parts[1].strip();
          BY_CODE.putIfAbsent(alpha3, alpha3); // XKX is in no ISO list
          if (CODE.matcher(parts[0]).matches() && parts[0].equals(parts[0].toUpperCase(Locale.ROOT))) {
            BY_CODE.put(parts[0], alpha3);
          }
          BY_NAME.put(key(parts[0]), alpha3);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
    }

    private static InputStream open(String resource) {
      InputStream in = Countries.class.getClassLoader().getResourceAsStream(resource);
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return in;
    }
  }
}
