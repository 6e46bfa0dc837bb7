package io.dealflow.devstack.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void readsEnvironmentVariablesByName() {
    Settings settings = Settings.of(Map.of("DEALFLOW_REDIS_URL", "redis://cache:6380"));

    assertThat(settings.get("DEALFLOW_REDIS_URL")).contains("redis://cache:6380");
    assertThat(settings.get("DEALFLOW_KAFKA_BOOTSTRAP")).isEmpty();
  }

  @Test
  void blankValuesCountAsUnset() {
    Settings settings = Settings.of(Map.of("DEALFLOW_REDIS_URL", "  "));

    assertThat(settings.get("DEALFLOW_REDIS_URL")).isEmpty();
    assertThat(settings.get("DEALFLOW_REDIS_URL", "fallback")).isEqualTo("fallback");
  }

  @Test
  void systemPropertyInDottedFormOverridesTheEnvironment() {
    String property = "dealflow.devstack.settings-test.value";
    System.setProperty(property, "from-property");
    try {
      assertThat(Settings.system().get("DEALFLOW_DEVSTACK_SETTINGS-TEST_VALUE"))
          .contains("from-property");
    } finally {
      System.clearProperty(property);
    }
  }

  @Test
  void dottedFormIsLowerCaseWithDots() {
    assertThat(Settings.dotted("DEALFLOW_POSTGRES_URL")).isEqualTo("dealflow.postgres.url");
  }

  @Test
  void flagsAreTrueOnlyForTrue() {
    Settings settings = Settings.of(Map.of("A", "TRUE", "B", "yes"));

    assertThat(settings.flag("A", false)).isTrue();
    assertThat(settings.flag("B", true)).isFalse();
    assertThat(settings.flag("C", true)).isTrue();
  }
}
