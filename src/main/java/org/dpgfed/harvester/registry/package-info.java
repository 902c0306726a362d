/**
 * The registered sources and their run history, kept as RDF in the meta graph so that they
 * survive restarts and answer SPARQL. May use store, model and vocab.
 */
package org.dpgfed.harvester.registry;
