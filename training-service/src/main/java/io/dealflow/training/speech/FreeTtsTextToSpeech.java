package io.dealflow.training.speech;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.VoiceManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Offline speech with FreeTTS's kevin16 voice (16 kHz, US English). A FreeTTS {@code Voice} is not
 * thread-safe, so a small pool of them ({@code pool-size}) is created on demand, and a reply waits
 * for a free one. Every {@link Voices voice id} is kevin16 with its own pitch and pace; MP3 is
 * encoded by jump3r at 32 kbps mono.
 */
public final class FreeTtsTextToSpeech implements TextToSpeech {

  private static final String VOICE_DIRECTORY =
      "com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory";
  private static final long POOL_WAIT_SECONDS = 30;

  /** Pitch (Hz), pitch range (Hz) and pace (words per minute at speed 1.0) of a voice id. */
  private record Prosody(float pitch, float pitchRange, float wordsPerMinute) {}

  // kevin16 speaks at 100 Hz, range 11, 150 wpm by itself.
  private static final Map<String, Prosody> PROSODY =
      Map.of(
          Voices.PROFESSIONAL_FEMALE, new Prosody(170, 18, 150),
          Voices.PROFESSIONAL_MALE, new Prosody(100, 11, 145),
          Voices.FRIENDLY_FEMALE, new Prosody(190, 30, 165),
          Voices.FRIENDLY_MALE, new Prosody(115, 24, 160),
          Voices.NEUTRAL, new Prosody(135, 8, 150));

  private record Speaker(Voice voice, BufferAudioPlayer player) {}

  private final int poolSize;
  private final int maxTextLength;
  private final BlockingQueue<Speaker> idle = new LinkedBlockingQueue<>();
  private int created;

  public FreeTtsTextToSpeech(SpeechSettings settings) {
    this.poolSize = settings.poolSize();
    this.maxTextLength = settings.maxTextLength();
  }

  /** Creates the whole pool now rather than at the first replies. */
  public void warmUp() {
    Speaker[] speakers = new Speaker[poolSize];
    for (int i = 0; i < poolSize; i++) {
      speakers[i] = borrow();
    }
    idle.addAll(List.of(speakers));
  }

  @Override
  public Speech synthesize(String text, String voiceId, double speed, SpeechFormat format) {
    String words = SpeechText.require(text, maxTextLength);
    TextToSpeech.requireValid(voiceId, speed);
    Prosody prosody = PROSODY.get(voiceId);
    byte[] pcm;
    Speaker speaker = borrow();
    try {
      speaker.voice().setPitch(prosody.pitch());
      speaker.voice().setPitchRange(prosody.pitchRange());
      speaker.voice().setRate((float) (prosody.wordsPerMinute() * speed));
      speaker.player().reset();
      if (!speaker.voice().speak(words)) {
        throw new VoiceUnavailableException("FreeTTS did not finish speaking");
      }
      pcm = speaker.player().take();
    } catch (RuntimeException e) {
      throw e instanceof VoiceUnavailableException unavailable
          ? unavailable
          : new VoiceUnavailableException("FreeTTS failed: " + e, e);
    } finally {
      idle.add(speaker);
    }
    return SpeechText.encode(pcm, format);
  }

  @Override
  public String engine() {
    return "freetts";
  }

  private Speaker borrow() {
    Speaker speaker = idle.poll();
    if (speaker != null) {
      return speaker;
    }
    if (reserve()) {
      try {
        return create();
      } catch (RuntimeException | LinkageError e) {
        release();
        throw new VoiceUnavailableException("FreeTTS could not load its voice: " + e, e);
      }
    }
    try {
      speaker = idle.poll(POOL_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VoiceUnavailableException("Interrupted while waiting for a FreeTTS voice", e);
    }
    if (speaker == null) {
      throw new VoiceUnavailableException(
          "All " + poolSize + " FreeTTS voices stayed busy for " + POOL_WAIT_SECONDS + " s");
    }
    return speaker;
  }

  private synchronized boolean reserve() {
    if (created < poolSize) {
      created++;
      return true;
    }
    return false;
  }

  private synchronized void release() {
    created--;
  }

  private static Speaker create() {
    System.setProperty("freetts.voices", VOICE_DIRECTORY);
    @Nullable Voice voice = VoiceManager.getInstance().getVoice("kevin16");
    if (voice == null) {
      throw new IllegalStateException("FreeTTS has no kevin16 voice on the classpath");
    }
    voice.allocate();
    BufferAudioPlayer player = new BufferAudioPlayer();
    voice.setAudioPlayer(player);
    return new Speaker(voice, player);
  }
}
