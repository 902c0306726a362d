package org.dpgfed.harvester.harvest;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.dpgfed.harvester.source.Urls;
import org.dpgfed.harvester.vocab.DPG;
import org.dpgfed.harvester.vocab.Schema;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;

/**
 * What the name-level rules of reconciliation compare, read from a record's description: its
 * cleaned names per product type, and the organisations it points at. A name says little on its
 * own ("Portal", "Registry"), so the rules only use it together with an organisation.
 */
final class Resemblance {
  private static final Set<IRI> TYPES = Set.of(DPG.SOFTWARE, DPG.DATA, DPG.CONTENT, DPG.STANDARD, DPG.AI_MODEL);
  /** Hosts where the first path segment is the owner: the host alone says nothing about who made a product. */
  private static final Set<String> FORGES = Set.of("github.com", "gitlab.com", "bitbucket.org", "codeberg.org",
      "sourceforge.net");
  private static final Pattern BRACKETED = Pattern.compile("\\(([^)]*)\\)");
  /** Trade marks: removed before normalisation, which would spell ™ as "TM". */
  private static final Pattern MARKS = Pattern.compile("[®™©℠]");
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final int SHORTEST_NAME = 2;

  private Resemblance() {}

  /** {@code type|cleaned name} for every title and alias and every product type ({@code any} when none). */
  static Set<String> names(AdaptedRecord record) {
    Model d = record.description();
    Set<String> cleaned = new TreeSet<>();
    for (IRI property : List.of(DCTERMS.TITLE, DCTERMS.ALTERNATIVE)) {
      d.filter(AdaptedRecord.PRODUCT, property, null).objects().forEach(v -> cleaned.addAll(variants(v.stringValue())));
    }
    Set<String> types = new TreeSet<>();
    d.filter(AdaptedRecord.PRODUCT, DCTERMS.TYPE, null).objects().forEach(t -> {
      if (TYPES.contains(t)) {
        types.add(((IRI) t).getLocalName().toLowerCase(Locale.ROOT));
      }
    });
    if (types.isEmpty()) {
      types.add("any");
    }
    Set<String> names = new TreeSet<>();
    types.forEach(t -> cleaned.forEach(n -> names.add(t + "|" + n)));
    return names;
  }

  /**
   * {@code owner:} the owner of each repository ({@code github.com/dhis2}), {@code account:} a
   * repository URL that names only an account, {@code site:} each website's host (the owner on a
   * forge), {@code org:} each publisher's, rights holder's or maintainer's cleaned name.
   */
  static Set<String> organisations(AdaptedRecord record) {
    Model d = record.description();
    Set<String> organisations = new TreeSet<>();
    for (Value repository : d.filter(AdaptedRecord.PRODUCT, Schema.CODE_REPOSITORY, null).objects()) {
      String prefix = Urls.ownerOnly(repository.stringValue()) ? "account:" : "owner:";
      owner(repository.stringValue()).ifPresent(o -> organisations.add(prefix + o));
    }
    for (IRI property : List.of(FOAF.HOMEPAGE, DCAT.LANDING_PAGE)) {
      d.filter(AdaptedRecord.PRODUCT, property, null).objects().forEach(site ->
          owner(site.stringValue()).ifPresent(o -> organisations.add((o.contains("/") ? "owner:" : "site:") + o)));
    }
    for (IRI property : List.of(DCTERMS.PUBLISHER, DCTERMS.RIGHTS_HOLDER, Schema.MAINTAINER)) {
      for (Value agent : d.filter(AdaptedRecord.PRODUCT, property, null).objects()) {
        if (agent instanceof Resource r) {
          d.filter(r, FOAF.NAME, null).objects().forEach(n -> organisations.add("org:" + clean(n.stringValue())));
        }
      }
    }
    organisations.remove("org:");
    return organisations;
  }

  /**
   * A name case-folded, without accents, marks and punctuation; "Open Concept Lab (OCL)" also
   * gives "ocl", because the bracket holds the initials of the rest ("Alpha (US)" gives only "alpha").
   */
  static Set<String> variants(String name) {
    Set<String> variants = new TreeSet<>();
    String outside = BRACKETED.matcher(name).replaceAll(" ");
    variants.add(clean(outside));
    StringBuilder initials = new StringBuilder();
    for (String word : NOT_ALPHANUMERIC.split(outside.strip())) {
      if (!word.isEmpty()) {
        initials.append(clean(word.substring(0, 1)));
      }
    }
    Matcher bracketed = BRACKETED.matcher(name);
    while (bracketed.find()) {
      if (clean(bracketed.group(1)).equals(initials.toString())) {
        variants.add(initials.toString());
      }
    }
    variants.removeIf(v -> v.length() < SHORTEST_NAME);
    return variants;
  }

  static String clean(String name) {
    String unmarked = MARKS.matcher(name).replaceAll("");
    String folded = Normalizer.normalize(unmarked, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    return NOT_ALPHANUMERIC.matcher(folded).replaceAll("");
  }

  /** The host without {@code www.}, or on a forge the host and the first path segment. */
  private static Optional<String> owner(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getHost() == null) {
        return Optional.empty();
      }
      String host = uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
      if (!FORGES.contains(host)) {
        return Optional.of(host);
      }
      String[] segments = (uri.getPath() == null ? "" : uri.getPath()).toLowerCase(Locale.ROOT).split("/");
      int first = host.equals("sourceforge.net") ? 2 : 1; // sourceforge.net/projects/{name}
      return segments.length > first && !segments[first].isEmpty()
          ? Optional.of(host + "/" + segments[first]) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
