package io.dealflow.training.call;

import io.dealflow.training.prospect.Roleplay;
import io.dealflow.training.scoring.Speaker;
import io.dealflow.training.session.GivenTip;
import io.dealflow.training.session.SessionStatus;
import io.dealflow.training.session.TrainingSession;
import io.dealflow.training.session.Turn;
import io.dealflow.training.speech.AudioSpec;
import io.dealflow.training.speech.Transcription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.WebSocketSession;

/**
 * One call socket's state. Its messages are handled one at a time (the container delivers a
 * socket's messages in order, on one thread at a time); only the config timeout comes from
 * elsewhere, and it only closes the socket.
 */
final class Call {

  final WebSocketSession socket;
  final Roleplay roleplay;
  final List<Turn> turns;
  final List<GivenTip> tips;
  TrainingSession session;
  @Nullable AudioSpec spec;
  @Nullable Transcription transcription;
  @Nullable ScheduledFuture<?> configTimeout;
  boolean ended;

  /** Audio taken on this socket: chunks and their decoded bytes, reported when the call ends. */
  long audioChunks;

  long audioBytes;

  /**
   * The rep's audio since their last utterance ended, kept only when recordings are on (and at most
   * {@link #MAX_RECORDING_SECONDS} of it).
   */
  final java.io.ByteArrayOutputStream heardAudio = new java.io.ByteArrayOutputStream();

  static final int MAX_RECORDING_SECONDS = 60;

  /** When the prospect's last reply finishes playing at the client, by the wall clock. */
  Instant prospectSpeaksUntil = Instant.EPOCH;

  Call(
      WebSocketSession socket,
      TrainingSession session,
      Roleplay roleplay,
      List<Turn> turns,
      List<GivenTip> tips) {
    this.socket = socket;
    this.session = session;
    this.roleplay = roleplay;
    this.turns = new ArrayList<>(turns);
    this.tips = new ArrayList<>(tips);
  }

  boolean configured() {
    return spec != null;
  }

  boolean paused() {
    return session.status() == SessionStatus.PAUSED;
  }

  int repTurns() {
    return (int) turns.stream().filter(turn -> turn.speaker() == Speaker.USER).count();
  }
}
