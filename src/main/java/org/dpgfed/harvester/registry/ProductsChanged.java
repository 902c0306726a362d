package org.dpgfed.harvester.registry;

import java.time.Instant;
import java.util.Collection;
import java.util.function.Function;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/**
 * Told which products a write touched. A graph replacement prepares on the committed state (with
 * the graph's new content at hand, product by product) and writes in the replacing transaction; small changes are
 * told inside their transaction.
 */
public interface ProductsChanged {
  /** What to write in the transaction. */
  @FunctionalInterface
  interface Pending {
    /** After the graph's new statements are all added: what is left to write. */
    void write(RepositoryConnection conn);

    /**
     * Right after one batch of the graph's new statements is added, every statement of its
     * products among them: what can be written of those products from the batch alone. Every
     * product the batch holds counts as touched, whether or not the prepared products name it.
     */
    default void added(RepositoryConnection conn, Model batch) {
    }
  }

  /**
   * @param committed a connection on the committed state
   * @param graph the graph being replaced (its committed content is out of date), or null
   * @param content the graph's new statements about a product (its description and the records listing
   *     it), or null when {@code graph} is null
   */
  Pending prepare(RepositoryConnection committed, Collection<IRI> products, IRI graph, Function<IRI, Model> content,
      Instant when);

  /**
   * For a graph dropped whole: the members {@link #prepare} would give for every product the graph
   * lists, with no new content, in the order the store lists them rather than their IRIs', and
   * without holding those products together.
   */
  Pending dropped(RepositoryConnection committed, IRI graph, Instant when);

  /** Inside a transaction whose own changes are small. */
  default void changed(RepositoryConnection conn, Collection<IRI> products, Instant when) {
    prepare(conn, products, null, null, when).write(conn);
  }
}
