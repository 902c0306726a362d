package org.dpgfed.harvester.registry;

import java.util.List;
import org.dpgfed.harvester.model.Iris;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.query.QueryResults;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.RepositoryResult;

/**
 * The people sources name as contacts, kept in the private graph ({@code record dcat:contactPoint
 * person}) only when the operator allows it; the graph is never served. Writes in the caller's
 * transaction.
 */
public final class PrivateContacts {
  private final Iris iris;
  private final boolean store;

  /** @param store the setting privacy.storeContacts */
  public PrivateContacts(Iris iris, boolean store) {
    this.iris = iris;
    this.store = store;
  }

  /** A source's contacts become these (none when storing contacts is off: old ones are forgotten too). */
  public void replace(RepositoryConnection conn, String sourceId, Model contacts) {
    remove(conn, sourceId);
    if (store) {
      conn.add(contacts, iris.privateGraph());
    }
  }

  /** Whether contacts are kept at all (the setting privacy.storeContacts). */
  public boolean keeps() {
    return store;
  }

  /** Whether a source's records have contacts kept, on the committed state. */
  public boolean has(RepositoryConnection committed, String sourceId) {
    String records = iris.record(sourceId, "").stringValue();
    try (RepositoryResult<Statement> links = committed.getStatements(null, DCAT.CONTACT_POINT, null, false, iris.privateGraph())) {
      for (Statement link : links) {
        if (link.getSubject().stringValue().startsWith(records)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Adds people the source's records name (nothing when storing contacts is off). */
  public void add(RepositoryConnection conn, Model people) {
    if (store && !people.isEmpty()) {
      conn.add(people, iris.privateGraph());
    }
  }

  /**
   * Forgets every contact of a source's records, however many: found one by one through
   * {@code committed} (a connection on the committed state), removed in the caller's transaction.
   */
  public void remove(RepositoryConnection conn, RepositoryConnection committed, String sourceId) {
    String records = iris.record(sourceId, "").stringValue();
    try (RepositoryResult<Statement> links = committed.getStatements(null, DCAT.CONTACT_POINT, null, false, iris.privateGraph())) {
      for (Statement link : links) {
        if (link.getSubject().stringValue().startsWith(records)) {
          if (link.getObject() instanceof Resource node) {
            conn.remove(node, null, null, iris.privateGraph());
          }
          conn.remove(link, iris.privateGraph());
        }
      }
    }
  }

  /** Forgets every contact of a source's records. */
  public void remove(RepositoryConnection conn, String sourceId) {
    String records = iris.record(sourceId, "").stringValue();
    List<Statement> links = QueryResults.asModel(conn.getStatements(null, DCAT.CONTACT_POINT, null, false,
        iris.privateGraph())).stream().filter(st -> st.getSubject().stringValue().startsWith(records)).toList();
    for (Statement link : links) {
      Value person = link.getObject();
      if (person instanceof Resource node) {
        conn.remove(node, null, null, iris.privateGraph());
      }
      conn.remove(link, iris.privateGraph());
    }
  }
}
