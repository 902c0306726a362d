/** The change feed over HTTP: the event stream and its pages, with cache headers. May use web, store and feed. */
package org.dpgfed.harvester.web.feed;
