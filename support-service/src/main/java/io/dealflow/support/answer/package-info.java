/**
 * Answers made only of the organization's knowledge, with the passages they cite, and the
 * documented classifier of a customer's message (intent, topic, urgency, sentiment). The offline
 * answer is extractive; a configured OpenAI-compatible model may write it from the same passages.
 */
@NullMarked
package io.dealflow.support.answer;

import org.jspecify.annotations.NullMarked;
