package dev.cascadestudio.service;

import java.util.List;

/** A save or create refused because values are not valid; nothing was written. */
public final class InvalidRowException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidRowException(List<FieldError> errors) {
        super(errors.size() == 1 ? errors.get(0).message() : errors.size() + " values cannot be saved; see the fields marked.");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
