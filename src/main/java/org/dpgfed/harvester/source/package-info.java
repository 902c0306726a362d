/**
 * Source adapters: bytes of one page in, records in the shared vocabulary out, plus the
 * normalisation rules they share (licences, SDGs, countries, URLs). No Vert.x, no HTTP, no store;
 * may use model and vocab. One sub-package per format.
 */
package org.dpgfed.harvester.source;
