package org.dpgfed.harvester.harvest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.vocabulary.OWL;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.registry.IdentityIndex;
import org.dpgfed.harvester.source.AdaptedRecord;

/** Identity strings, product keys and local ids, exactly as the HTTP contract defines them. */
final class Identity {
  /**
   * Identity strings of records harvested from another node's feed: the product's key at the
   * origin, which is its own key (not hashed again), so a product keeps its key across nodes.
   */
  static final String ORIGIN_KEY = "key:";
  private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._~-]{1,128}");

  private Identity() {}

  /** {@code repo:} strings, else {@code web:} strings, else the {@code rec:} fallback (needs the local id). */
  static List<String> identityStrings(AdaptedRecord record, String sourceId, String localId) {
    List<String> ids = new ArrayList<>();
    record.repositories().forEach(url -> ids.add("repo:" + url));
    if (ids.isEmpty()) {
      record.websites().forEach(url -> ids.add("web:" + url));
    }
    if (ids.isEmpty()) {
      ids.add("rec:" + sourceId + "/" + localId);
    }
    return ids;
  }

  /** What the index keeps of a record: its identity strings, aliases, names and organisations. */
  static IdentityIndex.Entry entry(AdaptedRecord record, String sourceId, String localId) {
    List<String> strings = identityStrings(record, sourceId, localId);
    return new IdentityIndex.Entry(new HashSet<>(strings), aliases(record, strings), Resemblance.names(record),
        Resemblance.organisations(record));
  }

  /** The identity strings that come from an alias: repositories the description says the canonical one is owl:sameAs. */
  static Set<String> aliases(AdaptedRecord record, List<String> strings) {
    Set<String> aliases = new HashSet<>();
    for (Statement st : record.description()) { // a scan, not a filter: a compact description stays unindexed
      if (!OWL.SAMEAS.equals(st.getPredicate())) {
        continue;
      }
      String candidate = "repo:" + st.getObject().stringValue();
      if (strings.contains(candidate)) {
        aliases.add(candidate);
      }
    }
    return aliases;
  }

  /** The record's id if it is plain enough for an IRI, else a hash of it (or of its identity). */
  static String localId(AdaptedRecord record) {
    String id = record.id();
    if (id != null && PLAIN_ID.matcher(id).matches()) {
      return id;
    }
    if (id != null && !id.isEmpty()) {
      return hash16(id);
    }
    String first = !record.repositories().isEmpty() ? "repo:" + record.repositories().get(0)
        : !record.websites().isEmpty() ? "web:" + record.websites().get(0) : null;
    return first == null ? null : hash16(first);
  }

  static String key(String identityString) {
    if (identityString.startsWith(ORIGIN_KEY)) {
      return identityString.substring(ORIGIN_KEY.length());
    }
    return hash16(identityString);
  }

  /** A product key as a number: a hash key's 64 bits as they are, any other key hashed. */
  static long keyBits(String key) {
    return Iris.isHashKey(key) ? HexFormat.fromHexDigitsToLong(key) : hash64(key);
  }

  /** 64 bits of the text's SHA-256, as a number. */
  static long hash64(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return java.nio.ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  static String hash16(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
