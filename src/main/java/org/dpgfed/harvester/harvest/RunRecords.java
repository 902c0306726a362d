package org.dpgfed.harvester.harvest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.model.Problem;
import org.dpgfed.harvester.registry.IdentityIndex;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;

/**
 * A run's records as they arrive, page by page: each record's problems are noted, an invalid one
 * is counted and dropped, a valid one goes to a {@link Keeper} (memory, or a file on disk) with its
 * identity strings. What stays in memory is a few numbers per record, in arrays indexed by the
 * record's slot (its place in the run): where it is kept, a 64-bit hash of its IRI, the key of the
 * product it has on its own, and short hashes of what it could share with another record. Of two
 * records with the same id, the last one wins.
 *
 * <p>Reconciliation needs the identity strings of only the records that share something with
 * another record ({@link #candidates}); every other record is a product of its own, whose key is
 * the smallest of its own identity strings' keys ({@link #loneKey}).
 */
final class RunRecords {
  /** Where the valid records wait for reconciling and minting. */
  interface Keeper {
    /** Keeps a record; returns its handle. */
    long keep(Kept kept);

    /** The record kept under {@code handle}. */
    Kept get(long handle);
  }

  /** A valid record as kept: its local id, the record, and its identity strings. */
  record Kept(String localId, AdaptedRecord record, IdentityIndex.Entry identity) {}

  /** A keeper that holds the records in memory, for small harvests. */
  static Keeper inMemory() {
    List<Kept> kept = new ArrayList<>();
    return new Keeper() {
      @Override
      public long keep(Kept k) {
        kept.add(k);
        return kept.size() - 1L;
      }

      @Override
      public Kept get(long handle) {
        return kept.get((int) handle);
      }
    };
  }

  private static final int SLOT_BITS = 24;
  private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;
  /** The slot given to links of other sources' records. */
  private static final int OTHER = (int) SLOT_MASK;
  /** The most records one run keeps: a slot fits in the bits a link keeps of it. */
  static final int MOST = OTHER - 1;
  private static final long SYMMETRIC = 0;
  private static final long ACCOUNT = 1;
  private static final long OWNER = 2;
  private static final int TAG_SHIFT = SLOT_BITS;
  private static final int HASH_SHIFT = SLOT_BITS + 2;

  private final String sourceId;
  private final Iris iris;
  private final Keeper keeper;
  private final ProblemLog problems;
  private long[] handles = new long[64];
  private long[] ids = new long[64];
  private long[] keys = new long[64];
  private long[] links = new long[256];
  private int linkCount;
  private final BitSet unusualKey = new BitSet();
  private int slots;
  private int invalid;
  private BitSet superseded;
  private long[] byId;

  RunRecords(String sourceId, Iris iris, Keeper keeper, ProblemLog problems) {
    this.sourceId = sourceId;
    this.iris = iris;
    this.keeper = keeper;
    this.problems = problems;
  }

  /** Records held in memory, problems too. */
  RunRecords(String sourceId, Iris iris) {
    this(sourceId, iris, inMemory(), new ProblemLog(null));
  }

  String sourceId() {
    return sourceId;
  }

  Iris iris() {
    return iris;
  }

  synchronized void add(AdaptedRecord record) {
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
    if (superseded != null) {
      throw new IllegalStateException("a record came after the run's records were read");
    }
    if (slots == MOST) {
      throw new IllegalStateException("the source has more than " + MOST + " valid records, more than one run keeps");
    }
    IdentityIndex.Entry identity = Identity.entry(record, sourceId, localId);
    if (slots == handles.length) {
      int grown = Math.min(MOST, slots + (slots >> 1));
      handles = Arrays.copyOf(handles, grown);
      ids = Arrays.copyOf(ids, grown);
      keys = Arrays.copyOf(keys, grown);
    }
    handles[slots] = keeper.keep(new Kept(localId, record, identity));
    ids[slots] = Identity.hash64(label);
    String key = identity.strings().stream().map(Identity::key).min(String::compareTo).orElseThrow();
    if (Iris.isHashKey(key)) {
      keys[slots] = Identity.keyBits(key);
    } else {
      unusualKey.set(slots); // not a hash: reconciled, never taken as a lone key
    }
    links(identity, slots);
    slots++;
  }

  /** Valid records kept (a record superseded by a later one with its id is not counted). */
  synchronized int size() {
    seal();
    return slots - superseded.cardinality();
  }

  int invalid() {
    return invalid;
  }

  synchronized ProblemLog problems() {
    seal();
    return problems;
  }

  /** Each valid record's slot, in the order they came. */
  void forEachSlot(IntConsumer slot) {
    BitSet gone = sealed();
    for (int i = 0; i < slots; i++) {
      if (!gone.get(i)) {
        slot.accept(i);
      }
    }
  }

  /** The record in a slot, read back from its keeper. */
  Kept kept(int slot) {
    return keeper.get(handles[slot]);
  }

  IRI iri(Kept kept) {
    return iris.record(sourceId, kept.localId());
  }

  /** The slot of a record of this run, or -1. */
  synchronized int slotOf(Resource record) {
    seal();
    long id = Identity.hash64(record.stringValue());
    int at = Arrays.binarySearch(byId, id & ~SLOT_MASK);
    for (int i = at < 0 ? -at - 1 : at; i < byId.length && (byId[i] & ~SLOT_MASK) == (id & ~SLOT_MASK); i++) {
      int slot = (int) (byId[i] & SLOT_MASK);
      if (ids[slot] == id && !superseded.get(slot)) {
        return slot;
      }
    }
    return -1;
  }

  boolean has(Resource record) {
    return slotOf(record) >= 0;
  }

  /** The key of the product a record has when it shares nothing: the smallest key of its identity strings. */
  String loneKey(int slot) {
    return HexFormat.of().toHexDigits(keys[slot]);
  }

  /**
   * The records that share an identity string, a name with an organisation, or an account with
   * an owner of the same name, with another record of the run or with one of {@code others}: only
   * they need reconciling (a short hash that two records share by chance only adds a record). Once
   * per run: the links are let go.
   */
  synchronized BitSet candidates(Collection<IdentityIndex.Entry> others) {
    seal();
    others.forEach(entry -> links(entry, OTHER));
    long[] all = links;
    int n = linkCount;
    links = null;
    Arrays.sort(all, 0, n);
    BitSet found = new BitSet();
    for (int start = 0; start < n;) {
      int end = start + 1;
      while (end < n && all[end] >>> HASH_SHIFT == all[start] >>> HASH_SHIFT) {
        end++;
      }
      int[] tags = new int[3];
      for (int i = start; i < end; i++) {
        tags[(int) (all[i] >>> TAG_SHIFT & 3)]++;
      }
      for (int i = start; i < end; i++) {
        long tag = all[i] >>> TAG_SHIFT & 3;
        int slot = (int) (all[i] & SLOT_MASK);
        boolean shared = tag == SYMMETRIC ? tags[0] > 1 : tags[(int) ACCOUNT] > 0 && tags[(int) OWNER] > 0;
        if (shared && slot != OTHER) {
          found.set(slot);
        }
      }
      start = end;
    }
    found.or(unusualKey);
    found.andNot(superseded);
    return found;
  }

  /** Every valid record's identity strings, read back from the keeper. */
  void forEachIdentity(BiConsumer<IRI, IdentityIndex.Entry> each) {
    forEachSlot(slot -> {
      Kept k = kept(slot);
      each.accept(iri(k), k.identity());
    });
  }

  /** The valid records' identity strings, in the order they came: for runs small enough to hold. */
  Map<IRI, IdentityIndex.Entry> identities() {
    Map<IRI, IdentityIndex.Entry> identities = new LinkedHashMap<>();
    forEachIdentity(identities::put);
    return identities;
  }

  /** The valid records, in the order they came: for runs small enough to hold. */
  List<IRI> records() {
    return List.copyOf(identities().keySet());
  }

  private synchronized BitSet sealed() {
    seal();
    return superseded;
  }

  /**
   * After the last record: finds the records a later one with the same id supersedes (the same
   * 64-bit hash of the IRI, as product keys are 64 bits of a hash) and sorts the hashes for
   * {@link #slotOf}.
   */
  private void seal() {
    if (superseded != null) {
      return;
    }
    long[] sorted = new long[slots];
    for (int i = 0; i < slots; i++) {
      sorted[i] = ids[i] & ~SLOT_MASK | i;
    }
    Arrays.sort(sorted);
    BitSet gone = new BitSet();
    for (int start = 0; start < slots;) {
      int end = start + 1;
      while (end < slots && (sorted[end] & ~SLOT_MASK) == (sorted[start] & ~SLOT_MASK)) {
        end++;
      }
      for (int i = start; i < end; i++) { // slots in the order they came
        int slot = (int) (sorted[i] & SLOT_MASK);
        for (int j = i + 1; j < end; j++) {
          int later = (int) (sorted[j] & SLOT_MASK);
          if (ids[later] == ids[slot] && !gone.get(slot)) {
            gone.set(slot);
            String localId = kept(later).localId();
            problems.add(Problem.warning(iris.record(sourceId, localId).stringValue(), null,
                "two records have the id '" + localId + "'; the last one wins"));
          }
        }
      }
      start = end;
    }
    superseded = gone;
    byId = sorted;
  }

  /** What a record could share with another, each a short hash with its kind and the record's slot. */
  private void links(IdentityIndex.Entry entry, int slot) {
    entry.strings().forEach(s -> link("i" + s, SYMMETRIC, slot));
    for (String name : entry.names()) {
      for (String o : entry.organisations()) {
        if (o.startsWith("account:")) {
          link("a" + "owner:" + o.substring("account:".length()) + "\n" + name, ACCOUNT, slot);
        } else {
          link("n" + name + "\n" + o, SYMMETRIC, slot);
          if (o.startsWith("owner:")) {
            link("a" + o + "\n" + name, OWNER, slot);
          }
        }
      }
    }
  }

  private void link(String text, long tag, int slot) {
    if (linkCount == links.length) {
      links = Arrays.copyOf(links, linkCount + (linkCount >> 1));
    }
    long hash = 0xcbf29ce484222325L; // FNV-1a over the UTF-8 bytes, then mixed
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
    }
    hash ^= hash >>> 29;
    hash *= 0xbf58476d1ce4e5b9L;
    hash ^= hash >>> 32;
    links[linkCount++] = hash >>> HASH_SHIFT << HASH_SHIFT | tag << TAG_SHIFT | slot;
  }
}
