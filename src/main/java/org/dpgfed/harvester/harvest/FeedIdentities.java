package org.dpgfed.harvester.harvest;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dpgfed.harvester.registry.IdentityIndex;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.dpgfed.harvester.source.feed.FeedReader.Member;
import org.dpgfed.harvester.vocab.Schema;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/**
 * The identity strings of a feed source's records, so that reconciliation treats them like any
 * other source's: the product's repositories (else its websites), as the origin normalised them,
 * and the origin's key itself ({@link Identity#ORIGIN_KEY}), so that a product keeps the key it
 * has at the origin unless a record here gives it a smaller one.
 */
final class FeedIdentities {
  private FeedIdentities() {}

  /** One member's entry, from the description it carries. */
  static IdentityIndex.Entry of(Member member) {
    return entry(member.key(), member.description(), AdaptedRecord.PRODUCT);
  }

  /** Every record the feed source's graph holds now, by record IRI. */
  static Map<IRI, IdentityIndex.Entry> stored(RepositoryConnection conn, IRI graph) {
    Model g = new LinkedHashModel();
    for (IRI property : List.of(FOAF.PRIMARY_TOPIC, DCTERMS.IDENTIFIER, Schema.CODE_REPOSITORY, FOAF.HOMEPAGE)) {
      try (var statements = conn.getStatements(null, property, null, false, graph)) {
        statements.forEach(g::add);
      }
    }
    Map<IRI, IdentityIndex.Entry> entries = new HashMap<>();
    for (Statement st : g.filter(null, FOAF.PRIMARY_TOPIC, null)) {
      if (st.getSubject() instanceof IRI record && st.getObject() instanceof Resource product) {
        Models.objectString(g.filter(record, DCTERMS.IDENTIFIER, null))
            .ifPresent(key -> entries.put(record, entry(key, g, product)));
      }
    }
    return entries;
  }

  private static IdentityIndex.Entry entry(String originKey, Model description, Resource product) {
    Set<String> strings = new LinkedHashSet<>();
    strings.add(Identity.ORIGIN_KEY + originKey);
    Set<String> repositories = strings("repo:", description, product, Schema.CODE_REPOSITORY);
    strings.addAll(repositories.isEmpty() ? strings("web:", description, product, FOAF.HOMEPAGE) : repositories);
    return new IdentityIndex.Entry(strings, Set.of());
  }

  private static Set<String> strings(String prefix, Model description, Resource product, IRI property) {
    Set<String> found = new LinkedHashSet<>();
    description.filter(product, property, null).objects().forEach(v -> found.add(prefix + v.stringValue()));
    return found;
  }
}
