package io.dealflow.realtime.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses the SSRF guard treats as internal. */
class TargetGuardTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.8.9.10",
        "0.0.0.0",
        "0.1.2.3",
        "10.0.0.1",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.0.1",
        "169.254.169.254",
        "100.64.0.1",
        "100.127.255.255",
        "224.0.0.1",
        "::",
        "::1",
        "fc00::1",
        "fdff::1",
        "fe80::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254"
      })
  void internalAddressesAreRecognised(String address) throws Exception {
    assertThat(TargetGuard.isInternal(InetAddress.getByName(address))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "93.184.215.14",
        "8.8.8.8",
        "172.15.255.255",
        "172.32.0.1",
        "100.63.255.255",
        "100.128.0.1",
        "2606:4700::1111",
        "::ffff:8.8.8.8"
      })
  void publicAddressesPass(String address) throws Exception {
    assertThat(TargetGuard.isInternal(InetAddress.getByName(address))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1/", "http://localhost/", "http://[::1]:8080/x"})
  void internalTargetsAreRefusedUnlessAllowed(String target) throws Exception {
    assertThatThrownBy(() -> guard(false).check(URI.create(target)))
        .isInstanceOf(TargetGuard.TargetNotAllowed.class)
        .hasMessageContaining("internal address");
    guard(true).check(URI.create(target));
  }

  private static TargetGuard guard(boolean allowPrivateTargets) {
    return new TargetGuard(
        new WebhookProperties(
            allowPrivateTargets,
            List.of(Duration.ofSeconds(5)),
            0.1,
            Duration.ofSeconds(15),
            Duration.ofHours(1),
            Duration.ofHours(24),
            Duration.ofDays(5),
            "webhooks",
            true,
            Duration.ofSeconds(1),
            Duration.ofMinutes(2),
            20));
  }
}
