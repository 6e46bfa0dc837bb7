package io.dealflow.support.answer;

import org.jspecify.annotations.Nullable;

/**
 * A knowledge passage an answer is made of.
 *
 * @param source the knowledge source's id
 * @param title the source's name
 * @param url where the source can be read, if it has an address
 * @param excerpt the words of the passage the answer used
 * @param confidence how well the passage matched the question, 0-1
 */
public record Citation(
    String source, String title, @Nullable String url, String excerpt, double confidence) {}
