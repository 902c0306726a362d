/**
 * The RDF4J facade: the embedded LMDB store, graph replacement in one transaction, reads.
 * Blocking; used from worker threads. May use vocab and model.
 */
package org.dpgfed.harvester.store;
