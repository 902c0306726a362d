/**
 * The node's change feed: product versions and removals appended in the transaction that applies
 * a run, numbered in one sequence and read back page by page. May use store, model and vocab.
 */
package org.dpgfed.harvester.feed;
