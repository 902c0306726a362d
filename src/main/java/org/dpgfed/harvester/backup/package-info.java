/**
 * Snapshots of the whole store (or one graph) as gzip-compressed N-Quads, and loading one into an
 * empty data directory. Blocking; may use store and model.
 */
package org.dpgfed.harvester.backup;
