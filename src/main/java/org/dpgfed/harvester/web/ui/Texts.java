package org.dpgfed.harvester.web.ui;

import io.vertx.ext.web.LanguageHeader;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The interface's words in each language (ui/messages_{lang}.properties), and the choice of language
 * for a request: {@code ?lang=}, else the best of {@code Accept-Language}, else English.
 */
final class Texts {
  static final List<String> LANGUAGES = List.of("en", "fr", "es");

  private final Map<String, Properties> bundles = new LinkedHashMap<>();

  private Texts() {}

  static Texts load() {
    Texts texts = new Texts();
    for (String lang : LANGUAGES) {
      texts.bundles.put(lang, read("ui/messages_" + lang + ".properties"));
    }
    return texts;
  }

  private static Properties read(String resource) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(Layout.resource(resource)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** The words for this request. */
  Words words(RoutingContext ctx) {
    String asked = ctx.queryParams().get("lang");
    if (asked != null && bundles.containsKey(asked)) {
      return new Words(asked, bundles.get(asked), bundles.get("en"));
    }
    for (LanguageHeader header : ctx.acceptableLanguages()) {
      String lang = header.tag().toLowerCase(java.util.Locale.ROOT);
      if (bundles.containsKey(lang)) {
        return new Words(lang, bundles.get(lang), bundles.get("en"));
      }
    }
    return new Words("en", bundles.get("en"), bundles.get("en"));
  }

  /** One language's words; a key missing there falls back to English. */
  record Words(String lang, Properties own, Properties english) {
    String get(String key) {
      String text = own.getProperty(key, english.getProperty(key));
      if (text == null) {
        throw new IllegalStateException("no text for '" + key + "'");
      }
      return text;
    }

    String format(String key, Object... args) {
      return String.format(java.util.Locale.forLanguageTag(lang), get(key), args);
    }
  }
}
