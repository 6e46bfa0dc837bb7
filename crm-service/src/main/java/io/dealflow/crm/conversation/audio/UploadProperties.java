package io.dealflow.crm.conversation.audio;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dealflow.crm.uploads.*}: how large an upload may be. Larger ones answer 413. Keep {@code
 * spring.servlet.multipart.max-file-size} above both, so that these limits, not the container's,
 * decide.
 *
 * @param maxAudioSize the largest conversation recording
 * @param maxVoiceSampleSize the largest assistant voice sample
 */
@Validated
@ConfigurationProperties("dealflow.crm.uploads")
public record UploadProperties(
    @DefaultValue("25MB") DataSize maxAudioSize,
    @DefaultValue("10MB") DataSize maxVoiceSampleSize) {

  DataSize limitFor(AudioOwner owner) {
    return owner == AudioOwner.CONVERSATION ? maxAudioSize : maxVoiceSampleSize;
  }
}
