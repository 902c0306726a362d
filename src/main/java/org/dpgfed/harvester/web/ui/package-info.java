/**
 * The web interface for people, served at {@code /}: Home, Explore, Query and Sources, written on
 * the server in the reader's language (English, French, Spanish). May use web, store, registry, vocab.
 */
package org.dpgfed.harvester.web.ui;
