/**
 * US code.json: agency inventories (schema 1.0.x {@code projects[]}, 2.0.0 {@code releases[]}) and
 * the 2025 per-repository form. May use source and vocab.
 */
package org.dpgfed.harvester.source.codejson;
