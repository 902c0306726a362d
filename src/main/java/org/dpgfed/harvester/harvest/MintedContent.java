package org.dpgfed.harvester.harvest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.dpgfed.harvester.store.TripleStore;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;

/**
 * A run's graph, minted when it is read rather than held: product by product from the run's
 * records, in batches of {@value #BATCH} records, so the run holds one batch of minted statements at
 * a time. The people the records name are gathered apart on every full pass.
 */
final class MintedContent implements TripleStore.Content {
  static final int BATCH = 1_000;

  private final RecordMinter minter;
  private final RunRecords records;
  private final Map<IRI, Reconciliation.Match> matches;
  private final IRI run;
  private final RecordMinter.Provenance provenance;
  private final Map<IRI, List<IRI>> byProduct = new LinkedHashMap<>();
  private Model contacts;

  MintedContent(RecordMinter minter, RunRecords records, Map<IRI, Reconciliation.Match> matches, IRI run,
      RecordMinter.Provenance provenance) {
    this.minter = minter;
    this.records = records;
    this.matches = matches;
    this.run = run;
    this.provenance = provenance;
    for (IRI record : records.records()) {
      byProduct.computeIfAbsent(minter.product(matches.get(record)), p -> new ArrayList<>(1)).add(record);
    }
  }

  @Override
  public Set<Resource> records() {
    return new LinkedHashSet<>(records.records());
  }

  @Override
  public Set<IRI> products() {
    return new LinkedHashSet<>(byProduct.keySet());
  }

  @Override
  public void forEachBatch(Consumer<Collection<Statement>> batch) {
    Model people = new LinkedHashModel();
    Model minted = new LinkedHashModel();
    int held = 0;
    for (List<IRI> group : byProduct.values()) {
      for (IRI record : group) {
        minted.addAll(mint(record, people));
      }
      held += group.size();
      if (held >= BATCH) {
        batch.accept(minted);
        minted = new LinkedHashModel();
        held = 0;
      }
    }
    if (!minted.isEmpty()) {
      batch.accept(minted);
    }
    contacts = people;
  }

  /** The run's statements about one product: its description and the records listing it. */
  Model about(IRI product) {
    Model about = new LinkedHashModel();
    byProduct.getOrDefault(product, List.of()).forEach(record -> about.addAll(mint(record, new LinkedHashModel())));
    return about;
  }

  /** The people the records name, apart from the graph. */
  Model contacts() {
    if (contacts == null) {
      forEachBatch(minted -> { });
    }
    return contacts;
  }

  private Model mint(IRI record, Model people) {
    return minter.mintRecord(records.get(record), record, matches.get(record), records.sourceId(), run, provenance, people);
  }
}
