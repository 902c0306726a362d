/**
 * HTTP (and config-only file:) fetching with limits: timeouts, a body cap after decompression,
 * redirects checked one by one, retries with backoff and Retry-After, conditional requests, and
 * the address policy. No RDF.
 */
package org.dpgfed.harvester.fetch;
