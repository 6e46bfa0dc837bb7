package io.dealflow.support.answer;

/**
 * What a customer's message is about ({@link Classifier}).
 *
 * @param intent e.g. {@code human_request}, {@code billing_inquiry}, {@code trading_hours_inquiry}
 * @param topic e.g. {@code billing}, {@code trading_hours}, {@code general}
 * @param urgency {@code low}, {@code medium} or {@code high}
 * @param sentiment how it sounds
 * @param asksForPerson whether the customer asks to talk to a person
 */
public record Classification(
    String intent, String topic, String urgency, Sentiment sentiment, boolean asksForPerson) {}
