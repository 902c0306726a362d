package org.dpgfed.harvester.harvest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.dpgfed.harvester.store.TripleStore;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;

/**
 * A run's graph, minted when it is read rather than held: product by product from the run's
 * records, in batches of about {@value #BATCH} records, so the run holds one batch of minted
 * statements at a time. A product's records are minted together, in the batch of the first of
 * them. The people the records name are gathered apart, batch by batch ({@link #takePeople()}).
 *
 * <p>Besides the records, it holds each record's product key as a number, sorted, to answer
 * whether the content holds a product, and the slots of the products that more than one record
 * describes.
 */
final class MintedContent implements TripleStore.Content {
  static final int BATCH = 1_000;

  private final RecordMinter minter;
  private final RunRecords records;
  private final IntFunction<Reconciliation.Match> matches;
  private final IRI run;
  private final RecordMinter.Provenance provenance;
  private final long[] productKeys;
  private final Map<String, List<Integer>> shared = new HashMap<>();
  private Model people = new LinkedHashModel();

  MintedContent(RecordMinter minter, RunRecords records, IntFunction<Reconciliation.Match> matches, IRI run,
      RecordMinter.Provenance provenance) {
    this.minter = minter;
    this.records = records;
    this.matches = matches;
    this.run = run;
    this.provenance = provenance;
    long[] keys = new long[records.size()];
    int[] n = {0};
    records.forEachSlot(slot -> keys[n[0]++] = Identity.keyBits(matches.apply(slot).key()));
    Arrays.sort(keys);
    Set<Long> repeated = new HashSet<>();
    for (int i = 1; i < keys.length; i++) {
      if (keys[i] == keys[i - 1]) {
        repeated.add(keys[i]);
      }
    }
    if (!repeated.isEmpty()) {
      records.forEachSlot(slot -> {
        String key = matches.apply(slot).key();
        if (repeated.contains(Identity.keyBits(key))) {
          shared.computeIfAbsent(key, k -> new ArrayList<>(2)).add(slot);
        }
      });
      shared.values().removeIf(slots -> slots.size() < 2);
    }
    this.productKeys = keys;
  }

  @Override
  public long recordCount() {
    return records.size();
  }

  @Override
  public boolean hasRecord(Resource record) {
    return records.has(record);
  }

  /** Whether a record of the content is about the product. */
  boolean hasProduct(IRI product) {
    String key = records.iris().productKey(product);
    return key != null && Arrays.binarySearch(productKeys, Identity.keyBits(key)) >= 0;
  }

  @Override
  public void forEachBatch(Consumer<Collection<Statement>> batch) {
    Model[] minted = {new LinkedHashModel()};
    int[] held = {0};
    records.forEachSlot(slot -> {
      String key = matches.apply(slot).key();
      List<Integer> together = shared.get(key);
      if (together != null && together.get(0) != slot) {
        return; // minted with the first of its product's records
      }
      for (int each : together == null ? List.of(slot) : together) {
        minted[0].addAll(mint(each, people));
        held[0]++;
      }
      if (held[0] >= BATCH) {
        batch.accept(minted[0]);
        minted[0] = new LinkedHashModel();
        held[0] = 0;
      }
    });
    if (!minted[0].isEmpty()) {
      batch.accept(minted[0]);
    }
  }

  /** The people named by the records minted since the last call, apart from the graph. */
  Model takePeople() {
    Model taken = people;
    people = new LinkedHashModel();
    return taken;
  }

  /** The run's statements about one product: its description and the records listing it (none if it has no record). */
  Model about(IRI product) {
    Model about = new LinkedHashModel();
    if (!hasProduct(product)) {
      return about;
    }
    records.forEachSlot(slot -> {
      if (minter.product(matches.apply(slot)).equals(product)) {
        about.addAll(mint(slot, new LinkedHashModel()));
      }
    });
    return about;
  }

  private Model mint(int slot, Model names) {
    RunRecords.Kept kept = records.kept(slot);
    return minter.mintRecord(kept.record(), records.iri(kept), matches.apply(slot), records.sourceId(), run, provenance,
        names);
  }
}
