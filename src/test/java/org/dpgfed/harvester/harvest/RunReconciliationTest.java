package org.dpgfed.harvester.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.dpgfed.harvester.model.Problem;
import org.dpgfed.harvester.registry.IdentityIndex;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.dpgfed.harvester.source.Golden;
import org.dpgfed.harvester.vocab.DPG;
import org.dpgfed.harvester.vocab.Schema;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.junit.jupiter.api.Test;

/**
 * A run's records reconciled the way a large run does it (only those that share something read
 * back) get exactly the products and rules of reconciling every record together.
 */
class RunReconciliationTest {
  private static final String[] WORDS = {"health", "census", "maps", "water", "ledger", "school", "clinic", "farm"};

  @Test
  void givesTheMatchesOfReconcilingEveryRecordTogether() {
    for (long seed = 1; seed <= 25; seed++) {
      Random random = new Random(seed);
      RunRecords records = new RunRecords("run", Golden.IRIS);
      List<AdaptedRecord> adapted = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        adapted.add(record("r" + random.nextInt(280), random));
      }
      adapted.forEach(records::add);
      Map<IRI, IdentityIndex.Entry> others = new HashMap<>();
      for (int i = 0; i < 150; i++) {
        AdaptedRecord other = record("o" + i, random);
        others.put(Golden.IRIS.record("other", "o" + i), Identity.entry(other, "other", "o" + i));
      }
      Map<IRI, IdentityIndex.Entry> all = new HashMap<>(others);
      all.putAll(records.identities());
      Map<IRI, Reconciliation.Match> expected = Reconciliation.of(all);

      Reconciliation.OfRun ofRun = Reconciliation.ofRun(records, others);
      long seedShown = seed;
      int[] compared = {0};
      records.forEachSlot(slot -> {
        IRI iri = records.iri(records.kept(slot));
        assertEquals(expected.get(iri), ofRun.run().apply(slot), "seed " + seedShown + ", " + iri);
        compared[0]++;
      });
      others.keySet().forEach(iri -> assertEquals(expected.get(iri), ofRun.matches().get(iri), "seed " + seedShown + ", " + iri));
      assertEquals(records.identities().size(), compared[0]);
      assertEquals(records.size(), compared[0], "a record superseded by a later one with its id is not counted");
    }
  }

  @Test
  void readsBackOnlyTheRecordsThatShareSomething() {
    AtomicInteger reads = new AtomicInteger();
    RunRecords.Keeper memory = RunRecords.inMemory();
    RunRecords.Keeper counting = new RunRecords.Keeper() {
      @Override
      public long keep(RunRecords.Kept kept) {
        return memory.keep(kept);
      }

      @Override
      public RunRecords.Kept get(long handle) {
        reads.incrementAndGet();
        return memory.get(handle);
      }
    };
    RunRecords records = new RunRecords("run", Golden.IRIS, counting, new ProblemLog(null));
    for (int i = 0; i < 1_000; i++) {
      records.add(alone(i, "https://github.com/org" + i + "/tool" + i));
    }
    records.add(alone(1_000, "https://github.com/org7/tool7")); // shares record 7's repository
    Reconciliation.OfRun ofRun = Reconciliation.ofRun(records, Map.of());
    assertEquals(2, reads.get(), "records 7 and 1000 only");
    assertEquals(ofRun.run().apply(7), ofRun.run().apply(1_000));
    assertEquals(DPG.MATCH_REPOSITORY, ofRun.run().apply(7).rule());
    assertEquals(Identity.key("repo:https://github.com/org3/tool3"), ofRun.run().apply(3).key());
    assertEquals(DPG.MATCH_NONE, ofRun.run().apply(3).rule());
  }

  @Test
  void keepsTheLastOfTwoRecordsWithOneIdAndSaysSo() {
    RunRecords records = new RunRecords("run", Golden.IRIS);
    records.add(alone(1, "https://github.com/a/first"));
    records.add(alone(2, "https://github.com/a/other"));
    AdaptedRecord later = alone(1, "https://github.com/a/second");
    records.add(later);
    assertEquals(2, records.size());
    IRI one = Golden.IRIS.record("run", "p1");
    assertEquals(Identity.entry(later, "run", "p1"), records.identities().get(one));
    assertTrue(records.has(one));
    assertFalse(records.has(Golden.IRIS.record("run", "p3")));
    List<Problem> problems = new ArrayList<>();
    records.problems().forEach(problems::add);
    assertEquals(1, problems.size());
    assertEquals("two records have the id 'p1'; the last one wins", problems.get(0).message());
  }

  private static AdaptedRecord alone(int i, String repository) {
    Model d = new LinkedHashModel();
    d.add(AdaptedRecord.PRODUCT, DCTERMS.TITLE, Values.literal("Tool number " + i));
    d.add(AdaptedRecord.PRODUCT, Schema.CODE_REPOSITORY, Values.iri(repository));
    return new AdaptedRecord("p" + i, List.of(), List.of(repository), List.of(), d, List.of());
  }

  /** A record drawn from small pools, so that records often share a repository, website, name or owner. */
  private static AdaptedRecord record(String id, Random random) {
    Model d = new LinkedHashModel();
    String org = "org" + random.nextInt(6);
    String name = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)];
    d.add(AdaptedRecord.PRODUCT, DCTERMS.TITLE, Values.literal(name));
    List<String> repositories = new ArrayList<>();
    List<String> websites = new ArrayList<>();
    int shape = random.nextInt(5);
    if (shape < 3) { // a repository, sometimes one that names only an account
      String repo = "https://github.com/" + org + (shape == 2 ? "" : "/" + "repo" + random.nextInt(40));
      repositories.add(repo);
      d.add(AdaptedRecord.PRODUCT, Schema.CODE_REPOSITORY, Values.iri(repo));
    }
    if (shape >= 2) {
      String site = "https://" + WORDS[random.nextInt(WORDS.length)] + random.nextInt(30) + ".example.org";
      websites.add(site);
      d.add(AdaptedRecord.PRODUCT, FOAF.HOMEPAGE, Values.iri(site));
    }
    if (random.nextBoolean()) {
      BNode publisher = Values.bnode();
      d.add(AdaptedRecord.PRODUCT, DCTERMS.PUBLISHER, publisher);
      d.add(publisher, FOAF.NAME, Values.literal("Organisation " + random.nextInt(5)));
    }
    return new AdaptedRecord(id, List.of(), repositories, websites, d, List.of());
  }
}
