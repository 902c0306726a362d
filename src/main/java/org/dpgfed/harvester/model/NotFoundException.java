package org.dpgfed.harvester.model;

/** The named thing does not exist. Becomes 404. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
