/**
 * {@code chat/process}: a customer's message masked, stored, answered from the organization's
 * knowledge with citations, classified, and handed to a person when the rules say so.
 */
@NullMarked
package io.dealflow.support.chat;

import org.jspecify.annotations.NullMarked;
