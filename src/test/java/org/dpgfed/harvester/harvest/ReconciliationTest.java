package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import java.util.Set;
import org.dpgfed.harvester.registry.IdentityIndex;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;
import org.junit.jupiter.api.Test;

/** Which records are one product, its key, and the rule that matched each record. */
class ReconciliationTest {
  private static final IRI A = Values.iri("urn:r:a");
  private static final IRI B = Values.iri("urn:r:b");
  private static final IRI C = Values.iri("urn:r:c");

  @Test
  void recordsJoinedThroughAThirdAreOneProductWithTheSmallestKey() {
    Map<IRI, Reconciliation.Match> m = Reconciliation.of(Map.of(
        A, entry(Set.of("repo:https://x.org/one"), Set.of()),
        B, entry(Set.of("repo:https://x.org/one", "repo:https://x.org/two"), Set.of()),
        C, entry(Set.of("repo:https://x.org/two"), Set.of())));
    String smallest = Identity.key("repo:https://x.org/one").compareTo(Identity.key("repo:https://x.org/two")) < 0
        ? Identity.key("repo:https://x.org/one") : Identity.key("repo:https://x.org/two");
    assertEquals(smallest, m.get(A).key());
    assertEquals(smallest, m.get(C).key());
    assertEquals(DPG.MATCH_REPOSITORY, m.get(C).rule());
  }

  @Test
  void aSharedAliasIsAnAliasMatchOnBothSides() {
    Map<IRI, Reconciliation.Match> m = Reconciliation.of(Map.of(
        A, entry(Set.of("repo:https://github.com/globaleaks/globaleaks"), Set.of()),
        B, entry(Set.of("repo:https://github.com/globaleaks/globaleaks-whistleblowing-software",
            "repo:https://github.com/globaleaks/globaleaks"), Set.of("repo:https://github.com/globaleaks/globaleaks"))));
    assertEquals(m.get(A).key(), m.get(B).key());
    assertEquals(DPG.MATCH_ALIAS, m.get(A).rule());
    assertEquals(DPG.MATCH_ALIAS, m.get(B).rule());
  }

  @Test
  void aRepositoryMatchOutranksAWebsiteMatchAndLonelyRecordsMatchNothing() {
    Map<IRI, Reconciliation.Match> m = Reconciliation.of(Map.of(
        A, entry(Set.of("repo:https://x.org/one", "web:https://one.org"), Set.of()),
        B, entry(Set.of("repo:https://x.org/one", "web:https://one.org"), Set.of()),
        C, entry(Set.of("web:https://other.org"), Set.of())));
    assertEquals(DPG.MATCH_REPOSITORY, m.get(A).rule());
    assertEquals(DPG.MATCH_NONE, m.get(C).rule());
    assertNotEquals(m.get(A).key(), m.get(C).key());
    assertEquals(Identity.key("web:https://other.org"), m.get(C).key());
  }

  private static IdentityIndex.Entry entry(Set<String> strings, Set<String> aliases) {
    return new IdentityIndex.Entry(strings, aliases);
  }
}
