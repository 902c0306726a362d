/**
 * The command line: one small class per command ({@code serve}, {@code harvest}, {@code validate},
 * {@code backup}, {@code restore}, {@code export}, {@code reset-admin-token}) and the dispatcher.
 * The top layer beside {@code Main}; may use every package.
 */
package org.dpgfed.harvester.cli;
