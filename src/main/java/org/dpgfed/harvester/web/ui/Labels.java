package org.dpgfed.harvester.web.ui;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;

/**
 * Names for people: the SDGs' titles (vocab/sdg.ttl) and the vocabulary's concepts (vocab/dpg.ttl)
 * in each language they carry, and countries by their ISO alpha-3 code in the JDK's words.
 */
final class Labels {
  static final String SDG = "http://metadata.un.org/sdg/";
  /** The official colours of goals 1 to 17, from the UN's SDG communication guidelines. */
  private static final String[] COLOURS = {"#E5243B", "#DDA63A", "#4C9F38", "#C5192D", "#FF3A21", "#26BDE2",
      "#FCC30B", "#A21942", "#FD6925", "#DD1367", "#FD9D24", "#BF8B2E", "#3F7E44", "#0A97D9", "#56C02B", "#00689D",
      "#19486A"};

  private final Map<String, String> prefLabels = new HashMap<>();
  private final Map<String, String> alpha2 = new HashMap<>();

  private Labels() {}

  static Labels load() {
    Labels labels = new Labels();
    labels.read("vocab/sdg.ttl");
    labels.read("vocab/dpg.ttl");
    for (String code : Locale.getISOCountries()) {
      labels.alpha2.put(new Locale("", code).getISO3Country(), code);
    }
    return labels;
  }

  private void read(String resource) {
    try {
      Model m = Rio.parse(new StringReader(Layout.resource(resource)), "", RDFFormat.TURTLE);
      for (Statement st : m.filter(null, SKOS.PREF_LABEL, null)) {
        Literal label = (Literal) st.getObject();
        prefLabels.put(st.getSubject().stringValue() + "@" + label.getLanguage().orElse(""), label.getLabel());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The concept's label in {@code lang}, else in English, else the IRI's last segment. */
  String label(String iri, String lang) {
    String label = prefLabels.getOrDefault(iri + "@" + lang, prefLabels.get(iri + "@en"));
    return label != null ? label : localName(iri);
  }

  String sdg(int goal, String lang) {
    return label(SDG + goal, lang);
  }

  /** A country IRI of the EU's authority list (alpha-3 at the end), named in {@code lang}. */
  String country(String iri, String lang) {
    String code = localName(iri);
    String two = alpha2.get(code);
    return two == null ? code : new Locale("", two).getDisplayCountry(Locale.forLanguageTag(lang));
  }

  static String colour(int goal) {
    return COLOURS[goal - 1];
  }

  /** Black or white, whichever reads better on the goal's colour (WCAG contrast). */
  static String ink(int goal) {
    double l = luminance(colour(goal));
    return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000" : "#fff";
  }

  private static double luminance(String hex) {
    double sum = 0;
    double[] weights = {0.2126, 0.7152, 0.0722};
    for (int i = 0; i < 3; i++) {
      double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
      sum += weights[i] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
    }
    return sum;
  }

  static String localName(String iri) {
    int cut = Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#'));
    return iri.substring(cut + 1);
  }
}
