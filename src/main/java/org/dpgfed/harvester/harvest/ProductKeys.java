package org.dpgfed.harvester.harvest;

import java.util.Map;
import java.util.function.IntFunction;
import org.dpgfed.harvester.registry.IdentityIndex;
import org.eclipse.rdf4j.model.IRI;

/** Decides the product of each record of one run. */
interface ProductKeys {
  /** Records of this run only: no match rule is recorded. */
  ProductKeys WITHIN_RUN = records -> Map.copyOf(Reconciliation.of(records).entrySet().stream()
      .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> new Reconciliation.Match(e.getValue().key(), null))));

  /** @param records the run's records by record IRI; returns each one's key and match rule (null: not recorded) */
  Map<IRI, Reconciliation.Match> keys(Map<IRI, IdentityIndex.Entry> records);

  /** Each of a run's records' key and match rule, by slot. */
  default IntFunction<Reconciliation.Match> keys(RunRecords records) {
    Map<IRI, Reconciliation.Match> matches = keys(records.identities());
    return slot -> matches.get(records.iri(records.kept(slot)));
  }
}
