package org.dpgfed.harvester.model;

/** The request clashes with what exists (an id already taken). Becomes 409. */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
