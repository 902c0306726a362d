package org.dpgfed.harvester.model;

/** One bad field of a request body or parameter. */
public record FieldError(String field, String message) {}
