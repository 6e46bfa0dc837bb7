package io.dealflow.training.speech;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The speech engines the settings choose. They always exist: an engine switched off, or one that
 * cannot load, answers {@link VoiceUnavailableException} instead of keeping the service from
 * starting.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SpeechSettings.class)
public class SpeechConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SpeechConfiguration.class);

  @Bean
  SpeechToText speechToText(
      SpeechSettings settings, Environment environment, ObjectProvider<Clock> clock) {
    Clock time = clock.getIfAvailable(Clock::systemUTC);
    return switch (settings.stt()) {
      case VOSK -> new VoskSpeechToText(settings, time);
      case OPENAI -> new OpenAiSpeechToText(settings, apiKey(settings, environment), time);
      case NONE -> new UnavailableSpeechToText("Speech recognition is switched off (stt: none)");
    };
  }

  @Bean
  TextToSpeech textToSpeech(SpeechSettings settings, Environment environment) {
    return switch (settings.tts()) {
      case FREETTS -> new FreeTtsTextToSpeech(settings);
      case OPENAI -> new OpenAiTextToSpeech(settings, apiKey(settings, environment));
      case NONE -> new UnavailableTextToSpeech("Speech synthesis is switched off (tts: none)");
    };
  }

  /**
   * Loads the offline engines before the service reports ready, so the first call does not wait for
   * them. A failure is logged, never fatal: the engines then answer "voice unavailable".
   */
  @Bean
  ApplicationRunner speechWarmUp(
      SpeechSettings settings, SpeechToText speechToText, TextToSpeech textToSpeech) {
    return arguments -> {
      if (!settings.warmUp()) {
        return;
      }
      long start = System.nanoTime();
      try {
        if (speechToText instanceof VoskSpeechToText vosk) {
          vosk.warmUp();
        }
        if (textToSpeech instanceof FreeTtsTextToSpeech freeTts) {
          freeTts.warmUp();
        }
        log.info("Speech engines ready in {} ms", (System.nanoTime() - start) / 1_000_000);
      } catch (RuntimeException e) {
        log.warn("Speech engines did not warm up; calls will answer 'voice unavailable'", e);
      }
    };
  }

  private static @Nullable String apiKey(SpeechSettings settings, Environment environment) {
    String key = settings.openai().apiKey();
    return key != null && !key.isBlank() ? key : environment.getProperty("OPENAI_API_KEY");
  }
}
