package io.dealflow.training.prospect;

/**
 * What the prospect says next, with how it feels and what it is doing.
 *
 * @param text the words
 * @param sentiment e.g. neutral, skeptical, frustrated, interested, receptive, positive
 * @param intent e.g. greeting, answer_discovery, objection, soften, agree_next_step, deflect,
 *     clarify, wrap_up
 * @param source {@code script} or {@code model}
 */
public record ProspectReply(String text, String sentiment, String intent, String source) {}
