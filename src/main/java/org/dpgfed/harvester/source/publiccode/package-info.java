/**
 * publiccode.yml (spec 0.1 to 0.7): one file ({@code publiccode-yaml}) or a Developers-Italia-style
 * catalogue API whose items embed the file ({@code publiccode-catalog}). May use source and vocab.
 */
package org.dpgfed.harvester.source.publiccode;
