package org.dpgfed.harvester.registry;

import java.time.Instant;
import java.util.Collection;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/** Told, inside the writing transaction, which products a graph replacement or removal touched. */
@FunctionalInterface
public interface ProductsChanged {
  ProductsChanged NONE = (conn, products, when) -> { };

  void changed(RepositoryConnection conn, Collection<IRI> products, Instant when);
}
