/**
 * The node's settings: defaults from {@code config/harvester.yaml}, a file given with
 * {@code --config}, then environment variables. A leaf: depends on the JDK and Jackson only.
 */
package org.dpgfed.harvester.config;
