/**
 * The SPARQL 1.1 Query protocol: request parsing and checks, the result-format table, streaming
 * results, timeouts, and the service description. May use web and store.
 */
package org.dpgfed.harvester.web.sparql;
