/**
 * Linked data the node publishes: the shared vocabulary (and, later, dereferenceable IRIs and
 * the catalogue). May use web and store.
 */
package org.dpgfed.harvester.web.ld;
