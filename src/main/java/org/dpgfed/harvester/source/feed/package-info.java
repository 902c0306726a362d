/**
 * The {@code feed} format: reads pages of another node's change feed (LDES/TREE) into members
 * (product versions and removals). Pure: no HTTP, no store; the harvest job applies the members.
 */
package org.dpgfed.harvester.source.feed;
