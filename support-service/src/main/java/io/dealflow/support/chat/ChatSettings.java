package io.dealflow.support.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the assistant answers and when it hands over ({@code dealflow.support.chat.*}).
 *
 * @param answerThreshold the least confidence a passage needs to be used in an answer; below it for
 *     every passage, the answer says the knowledge does not cover the question
 * @param escalateBelow a question whose best passage is below this confidence is handed to a person
 *     at once (the knowledge has nothing near it)
 * @param passages how many passages search returns to the answer writer
 * @param repeatOverlap how much two questions must share (of each one's terms) to be the same
 *     question: a question asked again after the assistant could not answer it is handed over
 */
@ConfigurationProperties("dealflow.support.chat")
public record ChatSettings(
    @DefaultValue("0.45") double answerThreshold,
    @DefaultValue("0.2") double escalateBelow,
    @DefaultValue("5") int passages,
    @DefaultValue("0.6") double repeatOverlap) {}
