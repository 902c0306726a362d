package org.dpgfed.harvester.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;

/**
 * The writes of a transaction on a SPARQL endpoint, held by the node until commit: the update to
 * send, and what it changes, so that reads inside the transaction see its own writes as the
 * embedded store's do. A read is the endpoint's answer less what was removed or cleared, plus
 * what was added.
 */
final class PendingWrites {
  private final UpdateText update;
  private final Model added = new LinkedHashModel();
  private final Model removed = new LinkedHashModel();
  private final Set<Resource> cleared = new HashSet<>();
  private boolean clearedAll;

  /** @param staging whether a graph's bulk replace goes through a staging graph ({@link UpdateText}) */
  PendingWrites(boolean staging) {
    this.update = new UpdateText(staging);
  }

  /** One statement in its graph (a statement's context; {@code null}: the default graph). */
  void add(Statement quad) {
    update.insert(quad);
    removed.remove(quad);
    added.add(quad);
  }

  void remove(Statement quad) {
    update.delete(quad);
    added.remove(quad);
    removed.add(quad);
  }

  /** Empties the graphs; none given: every graph. */
  void clear(Resource... contexts) {
    if (contexts.length == 0) {
      update.clearAll();
      clearedAll = true;
      added.clear();
      removed.clear();
      return;
    }
    for (Resource context : contexts) {
      update.clear(context);
      cleared.add(context);
      added.remove(null, null, null, context);
      removed.remove(null, null, null, context);
    }
  }

  boolean isEmpty() {
    return update.isEmpty();
  }

  /** What the staging graphs must hold before {@link #update()} is sent. */
  Map<IRI, Model> staged() {
    return update.staged();
  }

  /** The SPARQL Update request that applies these writes. */
  String update() {
    return update.text();
  }

  /** Whether the endpoint's answer for these graphs is all gone (cleared), so need not be asked for. */
  boolean replacesAll(Resource... contexts) {
    return clearedAll || contexts.length > 0 && cleared.containsAll(Arrays.asList(contexts));
  }

  /** The endpoint's statements as this transaction leaves them, then what it added. */
  List<Statement> merge(Iterable<Statement> committed, Resource subj, IRI pred, Value obj, Resource... contexts) {
    List<Statement> merged = new ArrayList<>();
    for (Statement st : committed) {
      if (!hides(st)) {
        merged.add(st);
      }
    }
    added.filter(subj, pred, obj, contexts).forEach(merged::add);
    return merged;
  }

  boolean adds(Resource subj, IRI pred, Value obj, Resource... contexts) {
    return added.contains(subj, pred, obj, contexts);
  }

  /** Removed or cleared here, or added here too (so not listed twice). */
  private boolean hides(Statement st) {
    Resource[] context = {st.getContext()};
    return clearedAll || cleared.contains(st.getContext())
        || removed.contains(st.getSubject(), st.getPredicate(), st.getObject(), context)
        || added.contains(st.getSubject(), st.getPredicate(), st.getObject(), context);
  }
}
