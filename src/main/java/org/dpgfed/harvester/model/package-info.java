/**
 * Values shared by every layer: problems found in records, and the minting of the node's IRIs.
 * A leaf: depends on the JDK and the RDF4J model only.
 */
package org.dpgfed.harvester.model;
