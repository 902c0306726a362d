package org.dpgfed.harvester.harvest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.model.Problem;
import org.dpgfed.harvester.registry.IdentityIndex;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.eclipse.rdf4j.model.IRI;

/**
 * A run's records as they arrive, page by page: each record's problems are noted, an invalid one
 * is counted and dropped, a valid one goes to a {@link Keeper} (memory, or a file on disk) and
 * only its IRI and identity strings stay here, which is all product keys are chosen from. Of two
 * records with the same id, the last one wins.
 */
final class RunRecords {
  /** Where the valid records' descriptions wait for minting. */
  interface Keeper {
    /** Keeps a record; returns its handle. */
    long keep(AdaptedRecord record);

    /** The record kept under {@code handle}, with its id, other ids and description. */
    AdaptedRecord get(long handle);
  }

  /** A keeper that holds the records in memory, for small harvests. */
  static Keeper inMemory() {
    List<AdaptedRecord> kept = new ArrayList<>();
    return new Keeper() {
      @Override
      public long keep(AdaptedRecord record) {
        kept.add(record);
        return kept.size() - 1L;
      }

      @Override
      public AdaptedRecord get(long handle) {
        return kept.get((int) handle);
      }
    };
  }

  private record Kept(long handle, IdentityIndex.Entry identity) {}

  private final String sourceId;
  private final Iris iris;
  private final Keeper keeper;
  private final Map<IRI, Kept> kept = new LinkedHashMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private int invalid;

  RunRecords(String sourceId, Iris iris, Keeper keeper) {
    this.sourceId = sourceId;
    this.iris = iris;
    this.keeper = keeper;
  }

  String sourceId() {
    return sourceId;
  }

  void add(AdaptedRecord record) {
    String localId = Identity.localId(record);
    IRI iri = localId == null ? null : iris.record(sourceId, localId);
    String label = iri == null ? sourceId : iri.stringValue(); // one string per record, however many problems name it
    record.problems().forEach(p -> problems.add(p.withRecord(label)));
    if (localId == null) {
      problems.add(Problem.violation(sourceId, null, "a record has no id, repository or website to name it by"));
      invalid++;
      return;
    }
    if (!record.valid()) {
      invalid++;
      return;
    }
    IdentityIndex.Entry identity = Identity.entry(record, sourceId, localId);
    if (kept.put(iri, new Kept(keeper.keep(record), identity)) != null) {
      problems.add(Problem.warning(label, null, "two records have the id '" + localId + "'; the last one wins"));
    }
  }

  /** The valid records, in the order they first came. */
  List<IRI> records() {
    return List.copyOf(kept.keySet());
  }

  Map<IRI, IdentityIndex.Entry> identities() {
    Map<IRI, IdentityIndex.Entry> identities = new LinkedHashMap<>();
    kept.forEach((record, k) -> identities.put(record, k.identity()));
    return identities;
  }

  /** A valid record, read back from its keeper. */
  AdaptedRecord get(IRI record) {
    return keeper.get(kept.get(record).handle());
  }

  List<Problem> problems() {
    return problems;
  }

  int invalid() {
    return invalid;
  }
}
