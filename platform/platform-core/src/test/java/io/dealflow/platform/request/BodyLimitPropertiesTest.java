package io.dealflow.platform.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealflow.platform.error.ErrorKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class BodyLimitPropertiesTest {

  private static BodyLimitProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("dealflow.api", BodyLimitProperties.class);
  }

  @Test
  void everyPathTakesOneMebibyteUnlessConfigured() {
    BodyLimits limits = bind(Map.of()).limits();

    assertThat(limits.maxBytes("/api/v1/leads")).isEqualTo(1024 * 1024);
    assertThat(limits.paths()).isEmpty();
  }

  @Test
  void aNamedLimitCoversItsPathsOnly() {
    BodyLimits limits =
        bind(Map.of(
                "dealflow.api.max-body-size", "512KB",
                "dealflow.api.body-limits.audio.paths[0]", "/api/v1/conversations/*/audio",
                "dealflow.api.body-limits.audio.max-size", "26MB"))
            .limits();

    assertThat(limits.maxBytes("/api/v1/conversations/42/audio")).isEqualTo(26L * 1024 * 1024);
    assertThat(limits.maxBytes("/api/v1/conversations/42")).isEqualTo(512 * 1024);
    assertThat(limits.maxBytes("/api/v1/conversations/42/audio/more")).isEqualTo(512 * 1024);
  }

  @Test
  void aNamedLimitWithoutSizeIsRefused() {
    BodyLimitProperties properties =
        bind(Map.of("dealflow.api.body-limits.audio.paths[0]", "/api/v1/conversations/*/audio"));

    assertThatThrownBy(properties::limits).hasMessageContaining("body-limits.audio");
  }

  @Test
  void theRefusalSaysTheLimit() {
    var error = BodyLimits.tooLarge(1024);

    assertThat(error.kind()).isEqualTo(ErrorKind.PAYLOAD_TOO_LARGE);
    assertThat(error.meta()).containsEntry("max_bytes", 1024L);
  }

  @Test
  void theFirstMatchingLimitWins() {
    BodyLimits limits =
        new BodyLimits(
            DataSize.ofKilobytes(1),
            List.of(
                new BodyLimits.PathLimit("narrow", List.of("/a/special"), 10),
                new BodyLimits.PathLimit("wide", List.of("/a/**"), 100)));

    assertThat(limits.maxBytes("/a/special")).isEqualTo(10);
    assertThat(limits.maxBytes("/a/other")).isEqualTo(100);
  }
}
