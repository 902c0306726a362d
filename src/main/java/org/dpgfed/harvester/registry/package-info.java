/**
 * The registered sources, their run history and reports, and the records' identity strings, kept
 * as RDF in the meta graph so that they survive restarts and answer SPARQL; personal contacts in
 * the private graph. May use store, model and vocab.
 */
package org.dpgfed.harvester.registry;
