/**
 * The composition root: {@link org.dpgfed.harvester.Main} reads the settings, builds every part
 * and shows every HTTP path in one method; {@link org.dpgfed.harvester.Node} is a running node.
 */
package org.dpgfed.harvester;
