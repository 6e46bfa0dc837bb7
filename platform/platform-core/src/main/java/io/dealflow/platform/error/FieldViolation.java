package io.dealflow.platform.error;

/**
 * One invalid input field.
 *
 * @param field the field as the client named it on the wire, e.g. {@code email} or {@code
 *     user.name}
 * @param code a short machine code such as {@code blank}, {@code invalid} or {@code taken}
 * @param message a sentence for people, e.g. {@code Email can't be blank}
 */
public record FieldViolation(String field, String code, String message) {}
