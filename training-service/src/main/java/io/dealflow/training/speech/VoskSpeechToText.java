package io.dealflow.training.speech;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Offline recognition with Vosk and its small English model (vosk-model-small-en-us 0.15, about 10
 * % word error rate on clear speech). The model is loaded once, on first use or at {@link
 * #warmUp()}, and shared; each clip or call gets its own recognizer. When the native library or the
 * model cannot load, every call answers {@link VoiceUnavailableException} with the reason, and the
 * service keeps running.
 *
 * <p>The model is loaded once per process and never freed: a call still streaming at shutdown would
 * otherwise touch freed native memory; the process's end frees it.
 */
public final class VoskSpeechToText implements SpeechToText {

  private static final Logger log = LoggerFactory.getLogger(VoskSpeechToText.class);
  private static final int FEED_BYTES = AudioClip.SAMPLE_RATE / 4 * 2;

  // One model per folder and process, whatever the number of engines (a test JVM starts several
  // application contexts): each load costs a second and tens of megabytes of native memory.
  private static final Map<Path, Model> MODELS = new ConcurrentHashMap<>();

  private final SpeechSettings settings;
  private final Clock clock;
  private volatile @Nullable Model model;
  private @Nullable VoiceUnavailableException failure;

  public VoskSpeechToText(SpeechSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** Loads the model now rather than at the first call. */
  public void warmUp() {
    model();
  }

  @Override
  public Transcript transcribe(AudioClip clip) {
    try (Recognizer recognizer = recognizer()) {
      VoskResults results = new VoskResults();
      byte[] pcm = clip.pcm();
      byte[] piece = new byte[FEED_BYTES];
      for (int offset = 0; offset < pcm.length; offset += FEED_BYTES) {
        int length = Math.min(FEED_BYTES, pcm.length - offset);
        System.arraycopy(pcm, offset, piece, 0, length);
        if (recognizer.acceptWaveForm(piece, length)) {
          results.add(recognizer.getResult());
        }
      }
      results.add(recognizer.getFinalResult());
      return new Transcript(results.text(), results.confidence(), clip.length());
    }
  }

  @Override
  public Transcription open(AudioSpec spec) {
    return new VoskTranscription(spec, settings, clock, recognizer());
  }

  @Override
  public String engine() {
    return "vosk";
  }

  private Recognizer recognizer() {
    try {
      Recognizer recognizer = new Recognizer(model(), AudioClip.SAMPLE_RATE);
      recognizer.setWords(true);
      return recognizer;
    } catch (IOException | RuntimeException e) {
      throw new VoiceUnavailableException("Vosk could not create a recognizer: " + e, e);
    }
  }

  private Model model() {
    Model loaded = model;
    if (loaded != null) {
      return loaded;
    }
    synchronized (this) {
      if (model == null && failure == null) {
        model = load();
      }
      if (failure != null) {
        throw failure;
      }
      return model;
    }
  }

  private static Model newModel(Path folder) {
    LibVosk.setLogLevel(LogLevel.WARNINGS);
    try {
      return new Model(folder.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private @Nullable Model load() {
    long start = System.nanoTime();
    try {
      Path cache =
          settings.modelCache() != null
              ? settings.modelCache()
              : Path.of(System.getProperty("java.io.tmpdir"));
      Path folder = VoskModelFolder.prepare(cache);
      Model loaded = MODELS.computeIfAbsent(folder, VoskSpeechToText::newModel);
      log.info(
          "Vosk model loaded from {} in {} ms",
          folder,
          Duration.ofNanos(System.nanoTime() - start).toMillis());
      return loaded;
    } catch (IOException | RuntimeException | LinkageError e) {
      // LinkageError: JNA could not load libvosk for this platform.
      log.error("Vosk is unavailable: speech recognition will answer 'voice unavailable'", e);
      failure = new VoiceUnavailableException("Vosk speech recognition could not load: " + e, e);
      return null;
    }
  }
}
