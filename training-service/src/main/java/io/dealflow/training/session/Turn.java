package io.dealflow.training.session;

import io.dealflow.training.scoring.CallTurn;
import io.dealflow.training.scoring.Speaker;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A stored line of the transcript.
 *
 * @param seq its place in the call, from 0
 * @param speaker the rep or the prospect
 * @param text what was said
 * @param spokenAt when
 * @param speech how long it was spoken
 * @param source voice (transcribed speech), text (typed), script or model (the prospect)
 * @param sentiment how it sounded
 * @param intent the prospect's intent; null for the rep
 */
public record Turn(
    int seq,
    Speaker speaker,
    String text,
    Instant spokenAt,
    Duration speech,
    String source,
    String sentiment,
    @Nullable String intent) {

  public CallTurn forScoring() {
    return new CallTurn(seq, speaker, text, speech, spokenAt, intent);
  }
}
