/**
 * Constants mirroring the vocabularies the node writes: our own {@code dpg:} terms
 * ({@code vocab/dpg.ttl} is the truth) and the external IRI spaces we link to. A leaf.
 */
package org.dpgfed.harvester.vocab;
