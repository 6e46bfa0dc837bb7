package io.dealflow.platform.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses the outbound guard treats as internal, and what it refuses. */
class OutboundTargetsTest {

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
        "192.0.0.170",
        "198.18.0.1",
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "::",
        "::1",
        "fc00::1",
        "fdff::1",
        "fe80::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",
        "::10.0.0.1",
        "64:ff9b::a9fe:a9fe"
      })
  void internalAddressesAreRecognised(String address) throws Exception {
    assertThat(OutboundTargets.isInternal(InetAddress.getByName(address))).isTrue();
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
        "::ffff:8.8.8.8",
        "64:ff9b::808:808"
      })
  void publicAddressesPass(String address) throws Exception {
    assertThat(OutboundTargets.isInternal(InetAddress.getByName(address))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1/",
        "http://localhost/",
        "http://[::1]:8080/x",
        "https://10.1.2.3",
        "https://[fd00::1]",
        "https://169.254.169.254/latest/meta-data"
      })
  void internalTargetsAreRefusedUnlessAllowed(String target) throws Exception {
    assertThatThrownBy(() -> new OutboundTargets(false).check(URI.create(target)))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessageContaining("internal address");
    new OutboundTargets(true).check(URI.create(target));
  }

  @Test
  void aNameIsRefusedWhenAnyOfItsAddressesIsInternal() {
    OutboundTargets targets =
        new OutboundTargets(false, table(Map.of("partner.example", "93.184.215.14,10.0.0.7")));

    assertThatThrownBy(() -> targets.resolve("partner.example"))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessageContaining("10.0.0.7");
  }

  @Test
  void aNameThatDoesNotResolveIsRefusedEvenWhenPrivateTargetsAreAllowed() {
    OutboundTargets targets = new OutboundTargets(true, table(Map.of()));

    assertThatThrownBy(() -> targets.check(URI.create("https://nowhere.example/")))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessageContaining("does not resolve");
  }

  @Test
  void credentialsAndOtherSchemesAreRefused() {
    OutboundTargets targets = new OutboundTargets(true);

    assertThatThrownBy(() -> targets.check(URI.create("https://user:pw@93.184.215.14")))
        .isInstanceOf(TargetRefusedException.class);
    assertThatThrownBy(() -> targets.check(URI.create("file:///etc/passwd")))
        .isInstanceOf(TargetRefusedException.class);
    assertThatThrownBy(() -> targets.check(URI.create("ftp://127.0.0.1")))
        .isInstanceOf(TargetRefusedException.class);
  }

  /** A resolver with fixed answers: name → comma-separated addresses. */
  static HostResolver table(Map<String, String> answers) {
    return host -> {
      String addresses = answers.get(host);
      if (addresses == null) {
        throw new UnknownHostException(host);
      }
      String[] literals = addresses.split(",");
      InetAddress[] resolved = new InetAddress[literals.length];
      for (int i = 0; i < literals.length; i++) {
        resolved[i] = InetAddress.getByName(literals[i]);
      }
      return resolved;
    };
  }
}
