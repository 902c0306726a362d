package org.dpgfed.harvester.config;

/** A setting has a value the node cannot start with; the message names the key and what is allowed. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
