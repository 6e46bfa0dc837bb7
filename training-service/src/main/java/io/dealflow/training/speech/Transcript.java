package io.dealflow.training.speech;

import java.time.Duration;

/**
 * What was said in a clip.
 *
 * @param text the words, lower case as the engine gives them; empty when nothing was recognized
 * @param confidence 0 to 1, the mean of the engine's word confidences; 0 when empty
 * @param audioLength the length of the clip heard
 */
public record Transcript(String text, double confidence, Duration audioLength) {}
