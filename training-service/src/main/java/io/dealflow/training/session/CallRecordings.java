package io.dealflow.training.session;

import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.secret.SecretBox;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Recordings of what reps said, only when {@code dealflow.training.audio.store} is on: each
 * utterance's WAV is sealed with AES-256-GCM, bound to its session and line (a copied row does not
 * decrypt), and deleted when its retention ends. With storage off (the default) nothing is kept and
 * {@link #enabled()} is false. The service refuses to start with storage on and no key.
 */
@Service
public class CallRecordings {

  private static final Logger log = LoggerFactory.getLogger(CallRecordings.class);

  private final AudioSettings settings;
  private final CallAudio audio;
  private final Clock clock;
  private final @Nullable SecretBox box;

  CallRecordings(AudioSettings settings, CallAudio audio, Clock clock) {
    this.settings = settings;
    this.audio = audio;
    this.clock = clock;
    this.box =
        settings.store()
            ? SecretBox.fromKey(
                settings.encryptionKey(),
                "dealflow.training.audio.encryption-key",
                "DEALFLOW_TRAINING_AUDIO_ENCRYPTION_KEY")
            : null;
  }

  public boolean enabled() {
    return box != null;
  }

  /** Keeps one line's audio (a WAV), when storage is on. */
  public void keep(TrainingSession session, int seq, byte[] wav) {
    if (box == null) {
      return;
    }
    Instant now = clock.instant();
    audio.insert(
        session.orgId(),
        session.id(),
        seq,
        box.seal(owner(session.id(), seq), Base64.getEncoder().encodeToString(wav)),
        now,
        now.plus(settings.retention()));
  }

  /**
   * A line's recording.
   *
   * @throws ApiException 404 when storage is off, the line has none, or its retention ended
   */
  public byte[] recording(TrainingSession session, int seq) {
    if (box == null) {
      throw ApiException.notFound("Recording");
    }
    String sealed =
        audio
            .find(session.orgId(), session.id(), seq, clock.instant())
            .orElseThrow(() -> ApiException.notFound("Recording"));
    return Base64.getDecoder().decode(box.open(owner(session.id(), seq), sealed));
  }

  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
  void forgetExpired() {
    int deleted = audio.deleteExpired(clock.instant());
    if (deleted > 0) {
      log.info("Deleted {} call recording(s) past their retention", deleted);
    }
  }

  /** The id a recording is bound to: its session's, with the line number mixed in. */
  private static UUID owner(UUID sessionId, int seq) {
    ByteBuffer bytes = ByteBuffer.allocate(16);
    bytes.putLong(sessionId.getMostSignificantBits() ^ seq);
    bytes.putLong(sessionId.getLeastSignificantBits());
    bytes.flip();
    return new UUID(bytes.getLong(), bytes.getLong());
  }
}
