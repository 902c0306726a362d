/**
 * Harvesting: the scheduler, one job per run (fetch page, adapt, next page, check against the
 * shapes, reconcile, mint, commit) and the minting of record and product IRIs. May use fetch,
 * source, store, registry and model.
 */
package org.dpgfed.harvester.harvest;
