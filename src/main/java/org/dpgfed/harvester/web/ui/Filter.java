package org.dpgfed.harvester.web.ui;

import io.vertx.core.MultiMap;
import java.util.regex.Pattern;
import org.dpgfed.harvester.web.HttpError;

/**
 * Explore's filters, checked before they reach a query: each is empty or a value of a known form,
 * so only the free text is ever written into SPARQL, and then as an escaped string literal.
 */
record Filter(String text, String sdg, String licence, String type, String country, String source, int page) {
  static final int PAGE_SIZE = 20;
  private static final Pattern SDG = Pattern.compile("[1-9]|1[0-7]");
  private static final Pattern LICENCE = Pattern.compile("[A-Za-z0-9.+-]{1,80}");
  private static final Pattern TYPE = Pattern.compile("[A-Za-z]{1,40}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{3}");
  private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  static Filter of(MultiMap params) {
    String page = param(params, "page", Pattern.compile("[1-9][0-9]{0,5}"));
    String text = params.get("q") == null ? "" : params.get("q").strip();
    if (text.length() > 200) {
      throw new HttpError(400, "q: at most 200 characters");
    }
    return new Filter(text, param(params, "sdg", SDG), param(params, "licence", LICENCE), param(params, "type", TYPE),
        param(params, "country", COUNTRY), param(params, "source", SOURCE), page.isEmpty() ? 1 : Integer.parseInt(page));
  }

  private static String param(MultiMap params, String name, Pattern form) {
    String value = params.get(name);
    if (value == null || value.isEmpty()) {
      return "";
    }
    if (!form.matcher(value).matches()) {
      throw new HttpError(400, name + ": must match " + form.pattern());
    }
    return value;
  }

  /** The graph pattern for the products ({@code ?p}) that pass. */
  String pattern(String base) {
    StringBuilder where = new StringBuilder("?r foaf:primaryTopic ?p .\n");
    if (!sdg.isEmpty()) {
      where.append("?p dct:subject sdg:").append(sdg).append(" .\n");
    }
    if (!licence.isEmpty()) {
      where.append("?p dct:license <http://spdx.org/licenses/").append(licence).append("> .\n");
    }
    if (!type.isEmpty()) {
      where.append("?p dct:type dpg:").append(type).append(" .\n");
    }
    if (!country.isEmpty()) {
      where.append("?p dpg:deploymentCountry <http://publications.europa.eu/resource/authority/country/")
          .append(country).append("> .\n");
    }
    if (!source.isEmpty()) {
      where.append("?r dct:source <").append(base).append("/id/source/").append(source).append("> .\n");
    }
    if (!text.isEmpty()) {
      where.append("FILTER EXISTS { ?p dct:title|dct:description ?text FILTER(CONTAINS(LCASE(STR(?text)), ")
          .append(literal(text.toLowerCase(java.util.Locale.ROOT))).append(")) }\n");
    }
    return where.toString();
  }

  /** A string literal with ECHAR escapes (a codepoint escape would be decoded before the query is parsed). */
  private static String literal(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> out.append(c < 0x20 ? ' ' : c);
      }
    }
    return out.append('"').toString();
  }
}
