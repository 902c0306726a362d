/**
 * The web interface for people, served at {@code /}: Home, Explore, Query and Sources, written on
 * the server in the reader's language (English, French, Spanish), and the few browser files they
 * load. May use web, web.sparql (its result formats), store, registry, vocab.
 */
package org.dpgfed.harvester.web.ui;
