/**
 * What every HTTP handler shares: the mapping of failures to status codes (in one place) and
 * content negotiation. Sub-packages hold the endpoints. May use config and model.
 */
package org.dpgfed.harvester.web;
