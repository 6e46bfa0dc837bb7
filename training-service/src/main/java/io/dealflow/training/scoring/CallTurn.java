package io.dealflow.training.scoring;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of a call as scoring sees it.
 *
 * @param seq its place in the call, from 0; evidence names turns by it
 * @param speaker the rep or the prospect
 * @param text what was said
 * @param speech how long it was spoken: the audio's length for speech, words at {@link
 *     Language#WORDS_PER_SECOND} for typed turns and for the prospect without audio
 * @param at when it was said
 * @param intent the prospect's intent when it said it (e.g. {@code objection}); null for the rep
 */
public record CallTurn(
    int seq, Speaker speaker, String text, Duration speech, Instant at, @Nullable String intent) {

  public boolean byRep() {
    return speaker == Speaker.USER;
  }

  /** Whether the prospect raised (or pressed) an objection in this turn. */
  public boolean objection() {
    return speaker == Speaker.AI
        && (intent == null ? Language.soundsLikeObjection(text) : intent.equals("objection"));
  }
}
