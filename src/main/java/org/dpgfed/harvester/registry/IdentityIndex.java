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
 * "repo:..."}, {@code dpg:aliasString} for those that are a catalogue's alias, and the names and
 * organisations the name-level rules compare), so that a run can find the records of other sources
 * that describe the same product.
 */
public final class IdentityIndex {
  private static final List<IRI> PROPERTIES = List.of(DPG.IDENTITY_STRING, DPG.ALIAS_STRING, DPG.NAME_STRING,
      DPG.ORGANISATION_STRING);
  private final Iris iris;

  public IdentityIndex(Iris iris) {
    this.iris = iris;
  }

  /**
   * One record's identity strings; {@code aliases} is a subset of {@code strings}. {@code names}
   * are its cleaned names with their product type ({@code software|gcompris}); {@code organisations}
   * what it points at ({@code owner:github.com/dhis2}, {@code account:github.com/dhis2},
   * {@code site:dhis2.org}, {@code org:hisp}).
   */
  public record Entry(Set<String> strings, Set<String> aliases, Set<String> names, Set<String> organisations) {
    public Entry {
      strings = Set.copyOf(strings);
      aliases = Set.copyOf(aliases);
      names = Set.copyOf(names);
      organisations = Set.copyOf(organisations);
    }

    public Entry(Set<String> strings, Set<String> aliases) {
      this(strings, aliases, Set.of(), Set.of());
    }
  }


  /** Every record of every source, by record IRI. */
  public Map<IRI, Entry> read(RepositoryConnection conn) {
    Map<IRI, Set<String>> strings = collect(conn, DPG.IDENTITY_STRING);
    Map<IRI, Set<String>> aliases = collect(conn, DPG.ALIAS_STRING);
    Map<IRI, Set<String>> names = collect(conn, DPG.NAME_STRING);
    Map<IRI, Set<String>> organisations = collect(conn, DPG.ORGANISATION_STRING);
    Map<IRI, Entry> entries = new HashMap<>();
    strings.forEach((record, s) -> entries.put(record, new Entry(s, aliases.getOrDefault(record, Set.of()),
        names.getOrDefault(record, Set.of()), organisations.getOrDefault(record, Set.of()))));
    return entries;
  }

  /** Replaces a source's entries in the caller's transaction. */
  public void replace(RepositoryConnection conn, String sourceId, Map<IRI, Entry> entries) {
    remove(conn, sourceId);
    entries.forEach((record, entry) -> {
      entry.strings().forEach(s -> conn.add(record, DPG.IDENTITY_STRING, Values.literal(s), iris.metaGraph()));
      entry.aliases().forEach(s -> conn.add(record, DPG.ALIAS_STRING, Values.literal(s), iris.metaGraph()));
      entry.names().forEach(s -> conn.add(record, DPG.NAME_STRING, Values.literal(s), iris.metaGraph()));
      entry.organisations().forEach(s -> conn.add(record, DPG.ORGANISATION_STRING, Values.literal(s), iris.metaGraph()));
    });
  }

  /** Forgets a source's entries in the caller's transaction. */
  public void remove(RepositoryConnection conn, String sourceId) {
    String prefix = iris.record(sourceId, "").stringValue();
    for (IRI property : PROPERTIES) {
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
