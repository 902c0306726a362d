package org.dpgfed.harvester.cli;

import java.util.Set;

/** One command of the command line. */
interface Command {
  String name();

  /** One line for the overview {@code --help} prints. */
  String summary();

  /** The full usage {@code COMMAND --help} prints. */
  String usage();

  /** The options that take a value (besides {@code --help}, which every command has). */
  Set<String> options();

  /** Runs the command; returns the exit code, or {@link Commands#KEEP_RUNNING}. */
  int run(Args args) throws Exception;
}
