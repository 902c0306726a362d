package org.dpgfed.harvester.registry;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.query.QueryResults;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/**
 * Every stored record's identity strings, kept in the meta graph ({@code record dpg:identityString
 * "repo:..."}, and {@code dpg:aliasString} for those that are a catalogue's alias), so that a run
 * can find the records of other sources that describe the same product.
 */
public final class IdentityIndex {
  private final Iris iris;

  public IdentityIndex(Iris iris) {
    this.iris = iris;
  }

  /** One record's identity strings; {@code aliases} is a subset of {@code strings}. */
  public record Entry(Set<String> strings, Set<String> aliases) {
    public Entry {
      strings = Set.copyOf(strings);
      aliases = Set.copyOf(aliases);
    }
  }

  /** Every record of every source, by record IRI. */
  public Map<IRI, Entry> read(RepositoryConnection conn) {
    Map<IRI, Set<String>> strings = collect(conn, DPG.IDENTITY_STRING);
    Map<IRI, Set<String>> aliases = collect(conn, DPG.ALIAS_STRING);
    Map<IRI, Entry> entries = new HashMap<>();
    strings.forEach((record, s) -> entries.put(record, new Entry(s, aliases.getOrDefault(record, Set.of()))));
    return entries;
  }

  /** Replaces a source's entries in the caller's transaction. */
  public void replace(RepositoryConnection conn, String sourceId, Map<IRI, Entry> entries) {
    remove(conn, sourceId);
    entries.forEach((record, entry) -> {
      entry.strings().forEach(s -> conn.add(record, DPG.IDENTITY_STRING, Values.literal(s), iris.metaGraph()));
      entry.aliases().forEach(s -> conn.add(record, DPG.ALIAS_STRING, Values.literal(s), iris.metaGraph()));
    });
  }

  /** Forgets a source's entries in the caller's transaction. */
  public void remove(RepositoryConnection conn, String sourceId) {
    String prefix = iris.record(sourceId, "").stringValue();
    for (IRI property : List.of(DPG.IDENTITY_STRING, DPG.ALIAS_STRING)) {
      List<Statement> old = QueryResults.asModel(conn.getStatements(null, property, null, false, iris.metaGraph()))
          .stream().filter(st -> st.getSubject().stringValue().startsWith(prefix)).toList();
      old.forEach(st -> conn.remove(st, iris.metaGraph()));
    }
  }

  private Map<IRI, Set<String>> collect(RepositoryConnection conn, IRI property) {
    Map<IRI, Set<String>> found = new HashMap<>();
    for (Statement st : QueryResults.asModel(conn.getStatements(null, property, null, false, iris.metaGraph()))) {
      if (st.getSubject() instanceof IRI record) {
        found.computeIfAbsent(record, r -> new LinkedHashSet<>()).add(st.getObject().stringValue());
      }
    }
    return found;
  }
}
