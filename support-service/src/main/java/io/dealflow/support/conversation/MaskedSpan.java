package io.dealflow.support.conversation;

/**
 * Where a message's text was masked, as stored: the kind of data and its mask, never the clear
 * value.
 *
 * @param type {@code ssn}, {@code account_number}, {@code email} or {@code phone}
 * @param start the first masked character
 * @param end one past the last
 */
public record MaskedSpan(String type, String masked, int start, int end) {}
