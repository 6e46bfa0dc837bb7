package io.dealflow.devstack.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LauncherArgumentsTest {

  @Test
  void readsEveryOptionInBothSpellings() {
    LauncherArguments arguments =
        LauncherArguments.parse(
            "--services",
            "identity, gateway",
            "--profile=demo",
            "--gateway-port",
            "9090",
            "--logs",
            "/tmp/logs",
            "--jvm-args",
            "-Xmx512m -XX:+UseSerialGC",
            "--readiness-timeout=30",
            "--reset",
            "--yes",
            "--color",
            "never",
            "--otlp-endpoint=http://collector:4318",
            "--no-build");

    assertThat(arguments.services()).containsExactly("identity", "gateway");
    assertThat(arguments.profile()).isEqualTo("demo");
    assertThat(arguments.gatewayPort()).isEqualTo(9090);
    assertThat(arguments.logsDir()).isEqualTo(Path.of("/tmp/logs"));
    assertThat(arguments.jvmArguments()).containsExactly("-Xmx512m", "-XX:+UseSerialGC");
    assertThat(arguments.readinessTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(arguments.reset()).isTrue();
    assertThat(arguments.assumeYes()).isTrue();
    assertThat(arguments.color()).isFalse();
    assertThat(arguments.infraOnly()).isFalse();
    assertThat(arguments.otlpEndpoint()).isEqualTo("http://collector:4318");
  }

  @Test
  void anOtlpEndpointMustBeAnHttpUrl() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LauncherArguments.parse("--otlp-endpoint", "collector:4318"))
        .withMessageContaining("--otlp-endpoint takes an http(s) URL");
    assertThat(LauncherArguments.parse("--otlp-endpoint", "http://localhost:4318").otlpEndpoint())
        .isEqualTo("http://localhost:4318");
  }

  @Test
  void unknownOptionsAndMissingValuesAreRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LauncherArguments.parse("--servics", "crm"))
        .withMessageContaining("--servics");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LauncherArguments.parse("--services"))
        .withMessageContaining("needs a value");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LauncherArguments.parse("--gateway-port", "eighty"))
        .withMessageContaining("port number");
  }
}
