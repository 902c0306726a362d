package org.dpgfed.harvester.model;

import java.util.List;

/** A request body or parameter was refused; each bad field is named. Becomes 400. */
public class InvalidInputException extends RuntimeException {
  private final List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super(errors.isEmpty() ? "invalid input" : errors.stream().map(e -> e.field() + ": " + e.message())
        .collect(java.util.stream.Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public static InvalidInputException of(String field, String message) {
    return new InvalidInputException(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
