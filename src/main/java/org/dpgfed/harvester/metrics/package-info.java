/**
 * What the node tells Prometheus: the meter registry, the Vert.x HTTP meters, harvest, SPARQL,
 * store and stale-source meters, and the {@code /metrics} handler. May use store, registry, config.
 */
package org.dpgfed.harvester.metrics;
