/**
 * The operators' API under /api: sources, runs and their reports, bearer-token checks, paging and
 * the JSON shapes. May use web, registry and harvest.
 */
package org.dpgfed.harvester.web.admin;
