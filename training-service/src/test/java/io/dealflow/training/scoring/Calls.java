package io.dealflow.training.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Recorded calls, written line by line, typed turns timed at 150 words a minute. */
final class Calls {

  private final List<CallTurn> turns = new ArrayList<>();
  private Instant clock = Instant.parse("2026-12-01T10:00:00Z");

  Calls rep(String text) {
    return add(Speaker.USER, text, Language.speakingTime(text), null);
  }

  Calls rep(String text, Duration speech) {
    return add(Speaker.USER, text, speech, null);
  }

  Calls prospect(String text, String intent) {
    return add(Speaker.AI, text, Language.speakingTime(text), intent);
  }

  private Calls add(Speaker speaker, String text, Duration speech, @Nullable String intent) {
    clock = clock.plus(speech).plusSeconds(1);
    turns.add(new CallTurn(turns.size(), speaker, text, speech, clock, intent));
    return this;
  }

  List<CallTurn> turns() {
    return List.copyOf(turns);
  }
}
