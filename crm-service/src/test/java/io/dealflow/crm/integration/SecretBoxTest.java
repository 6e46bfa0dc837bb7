package io.dealflow.crm.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Credentials at rest: AES-GCM, bound to their integration, and no start without a key. */
class SecretBoxTest {

  static final String KEY = "tQOwH6SubCqUHiRMVqH5TQcHIYQR7f+C8YX6cGteyU0=";
  static final String OTHER_KEY = "N5DHpK6sr8r0g95TSVjP5zo8M2oTZKs31m2eVpnzIlg=";

  static IntegrationsProperties properties(@Nullable String key) {
    return new IntegrationsProperties(
        key,
        false,
        "USD",
        new IntegrationsProperties.HubSpot(
            URI.create("https://api.hubapi.com"),
            Duration.ofSeconds(5),
            Duration.ofSeconds(20),
            4,
            Duration.ofMillis(500),
            Duration.ofSeconds(10),
            100,
            10000),
        new IntegrationsProperties.Csv(5_242_880, 10_000));
  }

  @Test
  void aSealedSecretOpensForItsIntegrationOnly() {
    SecretBox box = new SecretBox(properties(KEY));
    UUID integration = UUID.randomUUID();

    String sealed = box.seal(integration, "pat-na1-secret");

    assertThat(sealed).startsWith("v1:").doesNotContain("pat-na1-secret");
    assertThat(box.open(integration, sealed)).isEqualTo("pat-na1-secret");
    assertThatThrownBy(() -> box.open(UUID.randomUUID(), sealed))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void sealingTheSameSecretTwiceGivesDifferentCiphertexts() {
    SecretBox box = new SecretBox(properties(KEY));
    UUID integration = UUID.randomUUID();

    assertThat(box.seal(integration, "same")).isNotEqualTo(box.seal(integration, "same"));
  }

  @Test
  void anotherKeyCannotOpenIt() {
    UUID integration = UUID.randomUUID();
    String sealed = new SecretBox(properties(KEY)).seal(integration, "secret");

    assertThatThrownBy(() -> new SecretBox(properties(OTHER_KEY)).open(integration, sealed))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("configured key");
  }

  @Test
  void withoutAKeyTheServiceRefusesToStart() {
    assertThatThrownBy(() -> new SecretBox(properties(null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DEALFLOW_CRM_INTEGRATIONS_ENCRYPTION_KEY");
    assertThatThrownBy(() -> new SecretBox(properties("c2hvcnQ=")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("32 bytes");
  }
}
