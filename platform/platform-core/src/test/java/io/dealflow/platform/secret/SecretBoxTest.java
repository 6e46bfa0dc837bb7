package io.dealflow.platform.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Secrets at rest: AES-GCM, bound to their owner, readable as crm stored them, and a key or no
 * start.
 */
class SecretBoxTest {

  /** Test-only keys: they encrypt nothing but these tests' values. */
  static final String KEY = "tQOwH6SubCqUHiRMVqH5TQcHIYQR7f+C8YX6cGteyU0=";

  static final String OTHER_KEY = "N5DHpK6sr8r0g95TSVjP5zo8M2oTZKs31m2eVpnzIlg=";

  private static SecretBox box(@Nullable String key) {
    return SecretBox.fromKey(key, "dealflow.test.key", "DEALFLOW_TEST_KEY");
  }

  @Test
  void aSealedSecretOpensForItsOwnerOnly() {
    SecretBox box = box(KEY);
    UUID owner = UUID.randomUUID();

    String sealed = box.seal(owner, "whsec_secret");

    assertThat(sealed).startsWith("v1:").doesNotContain("whsec_secret");
    assertThat(SecretBox.isSealed(sealed)).isTrue();
    assertThat(SecretBox.isSealed("whsec_secret")).isFalse();
    assertThat(box.open(owner, sealed)).isEqualTo("whsec_secret");
    assertThatThrownBy(() -> box.open(UUID.randomUUID(), sealed))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aTokenThatCrmSealedBeforeTheBoxMovedToThePlatformStillOpens() {
    // Sealed by crm-service's own SecretBox (same format, key setting and owner binding).
    String storedByCrm =
        "v1:8dOw1nLm0TJ2qp0OQzLS0/ZXlzgyy+XmsfjAEL4Ue2zyqh5uTAPlwpuqrq5/M8s8mrBmiddp+wsavkLRHmKf"
            + "i4wnX59Uabbs";
    UUID integration = UUID.fromString("3f0c2b8e-6a51-4d7e-9b1a-2c4d5e6f7a80");

    assertThat(box(KEY).open(integration, storedByCrm))
        .isEqualTo("pat-na1-00000000-0000-0000-0000-000000000000");
  }

  @Test
  void sealingTheSameSecretTwiceGivesDifferentCiphertexts() {
    SecretBox box = box(KEY);
    UUID owner = UUID.randomUUID();

    assertThat(box.seal(owner, "same")).isNotEqualTo(box.seal(owner, "same"));
  }

  @Test
  void anotherKeyCannotOpenIt() {
    UUID owner = UUID.randomUUID();
    String sealed = box(KEY).seal(owner, "secret");

    assertThatThrownBy(() -> box(OTHER_KEY).open(owner, sealed))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("configured key");
  }

  @Test
  void aValueStoredAsIssuedOrAlteredIsRefused() {
    UUID owner = UUID.randomUUID();

    assertThatThrownBy(() -> box(KEY).open(owner, "whsec_plain"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("known format");
    assertThatThrownBy(() -> box(KEY).open(owner, "v1:AAAA"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("known format");
  }

  @Test
  void withoutAGoodKeyTheBoxIsNotBuiltAndSaysWhichSetting() {
    assertThatThrownBy(() -> box(null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dealflow.test.key")
        .hasMessageContaining("DEALFLOW_TEST_KEY");
    assertThatThrownBy(() -> box("c2hvcnQ="))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> box("not base64!"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not Base64");
  }
}
