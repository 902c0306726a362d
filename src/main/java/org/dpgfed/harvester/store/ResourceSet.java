package org.dpgfed.harvester.store;

import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.Resource;

/**
 * A set of resources kept as 64-bit hashes of their text, in one array of longs (open addressing,
 * at most three quarters full: 11 to 21 bytes a resource, against a hundred or more for the
 * resource itself). Made for sets as large as a source (a graph's subjects, a source's products).
 * Two resources sharing a hash count as one; by chance that is one in 2^64 for a pair.
 */
public final class ResourceSet {
  private long[] slots = new long[1 << 10];
  private int size;
  /** Zero stands for an empty slot, so zero itself is kept apart. */
  private boolean hasZero;

  /** Adds the resource; whether it was new. */
  public boolean add(Resource resource) {
    return addHash(hash(resource));
  }

  public boolean contains(Resource resource) {
    return containsHash(hash(resource));
  }

  /** FNV-1a over the term's characters, then mixed; blank nodes and IRIs apart. */
  static long hash(Resource resource) {
    String text = resource.stringValue();
    long hash = resource instanceof BNode ? 0x84222325cbf29ce4L : 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
    }
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    hash ^= hash >>> 33;
    hash *= 0xc4ceb9fe1a85ec53L;
    return hash ^ hash >>> 33;
  }

  boolean addHash(long value) {
    if (value == 0) {
      boolean added = !hasZero;
      hasZero = true;
      return added;
    }
    if (size >= slots.length - (slots.length >> 2)) {
      grow();
    }
    int mask = slots.length - 1;
    for (int i = (int) value & mask; ; i = (i + 1) & mask) {
      if (slots[i] == value) {
        return false;
      }
      if (slots[i] == 0) {
        slots[i] = value;
        size++;
        return true;
      }
    }
  }

  boolean containsHash(long value) {
    if (value == 0) {
      return hasZero;
    }
    int mask = slots.length - 1;
    for (int i = (int) value & mask; ; i = (i + 1) & mask) {
      if (slots[i] == value) {
        return true;
      }
      if (slots[i] == 0) {
        return false;
      }
    }
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    size = 0;
    for (long value : old) {
      if (value != 0) {
        addHash(value);
      }
    }
  }
}
