package org.dpgfed.harvester.harvest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dpgfed.harvester.registry.IdentityIndex;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.IRI;

/**
 * Which records describe one product, over every record of every source: records that share an
 * identity string are one product, transitively, and its key is the smallest key among all their
 * identity strings. A function of the set of records only, so harvest order never changes it.
 */
final class Reconciliation {
  private static final List<IRI> PRECEDENCE = List.of(DPG.MATCH_REPOSITORY, DPG.MATCH_ALIAS, DPG.MATCH_WEBSITE, DPG.MATCH_NONE);

  private Reconciliation() {}

  /** A record's product key, and the rule by which it was matched to other records. */
  record Match(String key, IRI rule) {}

  static Map<IRI, Match> of(Map<IRI, IdentityIndex.Entry> records) {
    Map<String, List<IRI>> holders = new HashMap<>();
    records.forEach((record, entry) -> entry.strings().forEach(s -> holders.computeIfAbsent(s, k -> new ArrayList<>()).add(record)));
    Map<IRI, IRI> parent = new HashMap<>();
    holders.values().forEach(group -> group.forEach(r -> union(parent, group.get(0), r)));
    Map<IRI, String> smallest = new HashMap<>();
    records.forEach((record, entry) -> entry.strings().forEach(s ->
        smallest.merge(find(parent, record), Identity.key(s), (a, b) -> a.compareTo(b) <= 0 ? a : b)));
    Map<IRI, Match> matches = new HashMap<>();
    records.forEach((record, entry) -> matches.put(record,
        new Match(smallest.get(find(parent, record)), rule(record, entry, records, holders))));
    return matches;
  }

  /** The strongest kind of identity string the record shares with another record. */
  private static IRI rule(IRI record, IdentityIndex.Entry entry, Map<IRI, IdentityIndex.Entry> records,
      Map<String, List<IRI>> holders) {
    IRI best = DPG.MATCH_NONE;
    for (String s : entry.strings()) {
      List<IRI> sharing = holders.get(s);
      if (sharing.size() < 2) {
        continue;
      }
      IRI kind = s.startsWith("web:") ? DPG.MATCH_WEBSITE
          : sharing.stream().anyMatch(r -> records.get(r).aliases().contains(s)) ? DPG.MATCH_ALIAS : DPG.MATCH_REPOSITORY;
      if (PRECEDENCE.indexOf(kind) < PRECEDENCE.indexOf(best)) {
        best = kind;
      }
    }
    return best;
  }

  private static void union(Map<IRI, IRI> parent, IRI a, IRI b) {
    IRI ra = find(parent, a);
    IRI rb = find(parent, b);
    if (!ra.equals(rb)) {
      parent.put(ra, rb);
    }
  }

  private static IRI find(Map<IRI, IRI> parent, IRI node) {
    IRI root = node;
    while (parent.containsKey(root) && !parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    return root;
  }
}
