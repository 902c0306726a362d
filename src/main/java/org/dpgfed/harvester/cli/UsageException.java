package org.dpgfed.harvester.cli;

/** The command line was wrong; the command's usage follows the message. */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }
}
