package org.dpgfed.harvester.harvest;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dpgfed.harvester.registry.IdentityIndex;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.IRI;

/**
 * Records joined into products (a union-find), each record with the strongest rule that joined it
 * to another. Joins commute, so the products depend only on which joins were made, never on their
 * order.
 */
final class Grouping {
  private static final List<IRI> PRECEDENCE = List.of(DPG.MATCH_REPOSITORY, DPG.MATCH_ALIAS, DPG.MATCH_WEBSITE,
      DPG.MATCH_NAME, DPG.MATCH_ORGANISATION, DPG.MATCH_NONE);
  private final Map<IRI, IRI> parent = new HashMap<>();
  private final Map<IRI, IRI> rules = new HashMap<>();

  /** Joins records that share something, each of them matched by {@code rule} unless by a stronger one. */
  void join(Collection<IRI> records, IRI rule) {
    IRI first = records.iterator().next();
    for (IRI record : records) {
      union(first, record);
      rules.merge(record, rule, (a, b) -> PRECEDENCE.indexOf(a) <= PRECEDENCE.indexOf(b) ? a : b);
    }
  }

  /** The record that stands for the record's product so far. */
  IRI root(IRI record) {
    IRI root = record;
    while (parent.containsKey(root) && !parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    return root;
  }

  /** Each record's product key (the smallest key among its product's identity strings) and rule. */
  Map<IRI, Reconciliation.Match> matches(Map<IRI, IdentityIndex.Entry> records) {
    Map<IRI, String> smallest = new HashMap<>();
    records.forEach((record, entry) -> entry.strings().forEach(s ->
        smallest.merge(root(record), Identity.key(s), (a, b) -> a.compareTo(b) <= 0 ? a : b)));
    Map<IRI, Reconciliation.Match> matches = new HashMap<>();
    records.keySet().forEach(record -> matches.put(record,
        new Reconciliation.Match(smallest.get(root(record)), rules.getOrDefault(record, DPG.MATCH_NONE))));
    return matches;
  }

  private void union(IRI a, IRI b) {
    IRI ra = root(a);
    IRI rb = root(b);
    if (!ra.equals(rb)) {
      parent.put(ra, rb);
    }
  }
}
