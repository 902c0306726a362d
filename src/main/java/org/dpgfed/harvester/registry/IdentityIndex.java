package org.dpgfed.harvester.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.store.GraphDiff;
import org.dpgfed.harvester.store.TripleStore;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.query.QueryResults;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.RepositoryResult;

/**
 * Every stored record's identity strings, kept in the meta graph ({@code record dpg:identityString
 * "repo:..."}, {@code dpg:aliasString} for those that are a catalogue's alias, and the names and
 * organisations the name-level rules compare), so that a run can find the records of other sources
 * that describe the same product.
 */
public final class IdentityIndex {
  private static final List<IRI> PROPERTIES = List.of(DPG.IDENTITY_STRING, DPG.ALIAS_STRING, DPG.NAME_STRING,
      DPG.ORGANISATION_STRING);
  private static final int BATCH = 10_000;
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


  /** Every record of every source but one (null: of every source), by record IRI. */
  public Map<IRI, Entry> read(RepositoryConnection conn, String exceptSourceId) {
    String except = exceptSourceId == null ? null : iris.record(exceptSourceId, "").stringValue();
    Map<IRI, Set<String>> strings = collect(conn, DPG.IDENTITY_STRING, except);
    Map<IRI, Set<String>> aliases = collect(conn, DPG.ALIAS_STRING, except);
    Map<IRI, Set<String>> names = collect(conn, DPG.NAME_STRING, except);
    Map<IRI, Set<String>> organisations = collect(conn, DPG.ORGANISATION_STRING, except);
    Map<IRI, Entry> entries = new HashMap<>();
    strings.forEach((record, s) -> entries.put(record, new Entry(s, aliases.getOrDefault(record, Set.of()),
        names.getOrDefault(record, Set.of()), organisations.getOrDefault(record, Set.of()))));
    return entries;
  }

  /** Replaces a source's entries in the caller's transaction. */
  public void replace(RepositoryConnection conn, String sourceId, Map<IRI, Entry> entries) {
    remove(conn, sourceId);
    entries.forEach((record, entry) -> conn.add(statements(record, entry), iris.metaGraph()));
  }

  /**
   * Replaces a source's entries in the caller's transaction, however many, changing only what
   * differs: each record's old entry is read through {@code committed} (a connection on the
   * committed state) and compared with its new one; the entries of records no longer handed over
   * by {@code entries} are removed at the end.
   */
  public void replace(TripleStore store, RepositoryConnection conn, RepositoryConnection committed, String sourceId,
      Consumer<BiConsumer<IRI, Entry>> entries) {
    String prefix = iris.record(sourceId, "").stringValue();
    GraphDiff diff = store.diff(committed, conn, iris.metaGraph(), PROPERTIES,
        subject -> subject.stringValue().startsWith(prefix));
    List<Statement> batch = new ArrayList<>();
    entries.accept((record, entry) -> {
      batch.addAll(statements(record, entry));
      if (batch.size() >= BATCH) {
        diff.apply(batch);
        batch.clear();
      }
    });
    diff.apply(batch);
    diff.removeRest();
  }

  private static Model statements(IRI record, Entry entry) {
    Model m = new LinkedHashModel();
    entry.strings().forEach(s -> m.add(record, DPG.IDENTITY_STRING, Values.literal(s)));
    entry.aliases().forEach(s -> m.add(record, DPG.ALIAS_STRING, Values.literal(s)));
    entry.names().forEach(s -> m.add(record, DPG.NAME_STRING, Values.literal(s)));
    entry.organisations().forEach(s -> m.add(record, DPG.ORGANISATION_STRING, Values.literal(s)));
    return m;
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

  private Map<IRI, Set<String>> collect(RepositoryConnection conn, IRI property, String except) {
    Map<IRI, Set<String>> found = new HashMap<>();
    try (RepositoryResult<Statement> listed = conn.getStatements(null, property, null, false, iris.metaGraph())) {
      for (Statement st : listed) {
        if (st.getSubject() instanceof IRI record && (except == null || !record.stringValue().startsWith(except))) {
          found.computeIfAbsent(record, r -> new LinkedHashSet<>()).add(st.getObject().stringValue());
        }
      }
    }
    return found;
  }
}
