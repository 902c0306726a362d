/**
 * Several nodes, one store: the Hazelcast cluster a node joins when {@code cluster.enabled}, the
 * cluster-wide locks (one run per source at a time, one writer of the store at a time) and the
 * registry changes told to every node. May use config and store.
 */
package org.dpgfed.harvester.cluster;
