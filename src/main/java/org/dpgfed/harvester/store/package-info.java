/**
 * The RDF4J facade: the embedded LMDB store or a remote one (a SPARQL 1.1 endpoint, an RDF4J
 * Server repository), graph replacement in one transaction (by a diff in the embedded store),
 * reads. Blocking; used from worker threads. May use config, vocab and model.
 */
package org.dpgfed.harvester.store;
