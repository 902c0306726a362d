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

  @Test
  void aSharedNameJoinsOnlyWhenTheOrganisationAgrees() {
    Map<IRI, Reconciliation.Match> m = Reconciliation.of(Map.of(
        A, named("repo:https://github.com/gcompris/gcompris-gtk", "software|gcompris", "site:gcompris.net", "owner:github.com/gcompris"),
        B, named("repo:https://invent.kde.org/education/gcompris", "software|gcompris", "site:gcompris.net", "owner:invent.kde.org"),
        C, named("repo:https://github.com/other/gcompris", "software|gcompris", "owner:github.com/other")));
    assertEquals(m.get(A).key(), m.get(B).key());
    assertEquals(DPG.MATCH_NAME, m.get(A).rule());
    assertNotEquals(m.get(A).key(), m.get(C).key(), "same name, another organisation");
    assertEquals(DPG.MATCH_NONE, m.get(C).rule());
  }

  @Test
  void aSharedNameAndOrganisationDoNotJoinAcrossTypes() {
    Map<IRI, Reconciliation.Match> m = Reconciliation.of(Map.of(
        A, named("web:https://who.int/app", "software|guidelines", "site:who.int"),
        B, named("web:https://who.int/guidelines", "content|guidelines", "site:who.int")));
    assertNotEquals(m.get(A).key(), m.get(B).key());
    assertEquals(DPG.MATCH_NONE, m.get(B).rule());
  }

  @Test
  void anAccountOnlyRepositoryJoinsTheOneProductUnderItWhoseNameAgrees() {
    IRI tools = Values.iri("urn:r:tools");
    Map<IRI, Reconciliation.Match> m = Reconciliation.of(Map.of(
        A, named("repo:https://github.com/dhis2/dhis2-core", "software|dhis2", "owner:github.com/dhis2"),
        tools, named("repo:https://github.com/dhis2/tools", "software|dhis2tools", "owner:github.com/dhis2"),
        B, named("web:https://dhis2.org", "software|dhis2", "account:github.com/dhis2", "site:dhis2.org"),
        C, named("rec:gg/kappa", "software|kappa", "account:github.com/dhis2")));
    assertEquals(m.get(A).key(), m.get(B).key());
    assertEquals(DPG.MATCH_ORGANISATION, m.get(A).rule());
    assertEquals(DPG.MATCH_ORGANISATION, m.get(B).rule());
    assertEquals(DPG.MATCH_NONE, m.get(tools).rule());
    assertEquals(DPG.MATCH_NONE, m.get(C).rule(), "no product under the account has its name");
  }

  @Test
  void anAccountOnlyRepositoryJoinsNothingWhenTwoProductsUnderItAgree() {
    Map<IRI, Reconciliation.Match> m = Reconciliation.of(Map.of(
        A, named("repo:https://github.com/org/app", "software|suite", "owner:github.com/org"),
        B, named("repo:https://github.com/org/docs", "content|suite", "owner:github.com/org"),
        C, named("rec:gg/suite", "software|suite", "content|suite", "account:github.com/org")));
    assertEquals(DPG.MATCH_NONE, m.get(C).rule());
    assertNotEquals(m.get(A).key(), m.get(C).key());
  }

  @Test
  void twoAccountOnlyRecordsOfTheSameNameDoNotJoinEachOther() {
    Map<IRI, Reconciliation.Match> m = Reconciliation.of(Map.of(
        A, named("rec:gg/odk", "software|odk", "account:github.com/getodk"),
        B, named("rec:other/odk", "software|odk", "account:github.com/getodk")));
    assertNotEquals(m.get(A).key(), m.get(B).key());
  }

  /** An entry with one identity string, and names ("type|name") and organisations ("kind:..."). */
  private static IdentityIndex.Entry named(String identity, String... hints) {
    Set<String> names = new java.util.HashSet<>();
    Set<String> organisations = new java.util.HashSet<>();
    for (String hint : hints) {
      (hint.contains("|") ? names : organisations).add(hint);
    }
    return new IdentityIndex.Entry(Set.of(identity), Set.of(), names, organisations);
  }

  private static IdentityIndex.Entry entry(Set<String> strings, Set<String> aliases) {
    return new IdentityIndex.Entry(strings, aliases);
  }
}
