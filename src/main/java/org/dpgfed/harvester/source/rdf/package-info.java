/**
 * RDF sources: documents in any RDF syntax ({@code rdf}) and the results of a CONSTRUCT run at a
 * remote SPARQL endpoint ({@code sparql}), aligned onto the product model. May use source and vocab.
 */
package org.dpgfed.harvester.source.rdf;
