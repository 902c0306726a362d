package org.dpgfed.harvester.harvest;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.dpgfed.harvester.registry.IdentityIndex;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.IRI;

/**
 * Which records describe one product, over every record of every source (FORMATS.md section 6):
 * records that share an identity string (repository, alias, website) are one product; so are
 * records that share a cleaned name and product type and point at the same organisation; a record
 * whose repository names only an account joins the one product under that account whose name
 * agrees, if there is exactly one. Joins are transitive; the product's key is the smallest key
 * among all its records' identity strings. A function of the set of records only, so harvest
 * order never changes it.
 */
final class Reconciliation {
  private Reconciliation() {}

  /** A record's product key, and the rule by which it was matched to other records. */
  record Match(String key, IRI rule) {}

  static Map<IRI, Match> of(Map<IRI, IdentityIndex.Entry> records) {
    Grouping grouping = new Grouping();
    byIdentity(records, grouping);
    byNameAndOrganisation(records, grouping);
    byAccount(records, grouping);
    return grouping.matches(records);
  }

  /**
   * What reconciling a run's records with other sources' gives: the match of every other record and
   * of each of the run's records that shares something ({@code matches}, by record IRI), and the
   * match of each of the run's records by slot ({@code run}).
   */
  record OfRun(Map<IRI, Match> matches, IntFunction<Match> run) {}

  /**
   * The same matches as {@link #of} over the run's records and {@code others}, however many records
   * the run has: only the run's records that share something with another record
   * ({@link RunRecords#candidates}) are read back and reconciled; every other one is a product of
   * its own, whose key is its own smallest, matched by no rule.
   */
  static OfRun ofRun(RunRecords records, Map<IRI, IdentityIndex.Entry> others) {
    BitSet candidates = records.candidates(others.values());
    Map<IRI, IdentityIndex.Entry> all = new HashMap<>(others);
    Map<Integer, IRI> slots = new HashMap<>();
    candidates.stream().forEach(slot -> {
      RunRecords.Kept kept = records.kept(slot);
      IRI iri = records.iri(kept);
      all.put(iri, kept.identity());
      slots.put(slot, iri);
    });
    Map<IRI, Match> matches = of(all);
    Map<Integer, Match> reconciled = new HashMap<>();
    slots.forEach((slot, iri) -> reconciled.put(slot, matches.get(iri)));
    return new OfRun(matches, slot -> {
      Match m = reconciled.get(slot);
      return m != null ? m : new Match(records.loneKey(slot), DPG.MATCH_NONE);
    });
  }

  /** Steps 1-3: a shared repository, alias or website. */
  private static void byIdentity(Map<IRI, IdentityIndex.Entry> records, Grouping grouping) {
    shared(holders(records, IdentityIndex.Entry::strings)).forEach((s, group) -> {
      IRI rule = s.startsWith("web:") ? DPG.MATCH_WEBSITE
          : group.stream().anyMatch(r -> records.get(r).aliases().contains(s)) ? DPG.MATCH_ALIAS : DPG.MATCH_REPOSITORY;
      grouping.join(group, rule);
    });
  }

  /** Step 4: a shared cleaned name and type, and a shared repository owner, website host or publisher. */
  private static void byNameAndOrganisation(Map<IRI, IdentityIndex.Entry> records, Grouping grouping) {
    shared(holders(records, entry -> {
      Set<String> signatures = new HashSet<>();
      entry.names().forEach(n -> entry.organisations().stream().filter(o -> !o.startsWith("account:"))
          .forEach(o -> signatures.add(n + "\n" + o)));
      return signatures;
    })).values().forEach(group -> grouping.join(group, DPG.MATCH_NAME));
  }

  /**
   * Step 5: an account-only repository joins the product under that account whose name agrees,
   * only when exactly one does. Decided on the products of steps 1-4, then joined.
   */
  private static void byAccount(Map<IRI, IdentityIndex.Entry> records, Grouping grouping) {
    Map<String, List<IRI>> owners = holders(records, IdentityIndex.Entry::organisations);
    List<List<IRI>> joins = new ArrayList<>();
    records.forEach((record, entry) -> entry.organisations().stream().filter(o -> o.startsWith("account:")).forEach(a -> {
      List<IRI> agreeing = owners.getOrDefault("owner:" + a.substring("account:".length()), List.of()).stream()
          .filter(other -> records.get(other).names().stream().anyMatch(entry.names()::contains)).toList();
      Set<IRI> products = new HashSet<>();
      agreeing.forEach(other -> products.add(grouping.root(other)));
      if (products.size() == 1 && !products.contains(grouping.root(record))) {
        List<IRI> join = new ArrayList<>(agreeing);
        join.add(record);
        joins.add(join);
      }
    }));
    joins.forEach(join -> grouping.join(join, DPG.MATCH_ORGANISATION));
  }

  /** The records that hold each string. */
  private static Map<String, List<IRI>> holders(Map<IRI, IdentityIndex.Entry> records,
      Function<IdentityIndex.Entry, Set<String>> strings) {
    Map<String, List<IRI>> holders = new HashMap<>();
    records.forEach((record, entry) -> strings.apply(entry).forEach(s ->
        holders.computeIfAbsent(s, k -> new ArrayList<>()).add(record)));
    return holders;
  }

  /** Only the strings more than one record holds. */
  private static Map<String, List<IRI>> shared(Map<String, List<IRI>> holders) {
    holders.values().removeIf(group -> group.size() < 2);
    return holders;
  }
}
