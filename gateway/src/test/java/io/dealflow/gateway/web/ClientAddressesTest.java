package io.dealflow.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressesTest {

  private final ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "::1"));

  @Test
  void untrustedPeerIsTheClientWhateverItForwards() {
    ServerHttpRequest request = from("203.0.113.7", "198.51.100.1");

    assertThat(addresses.clientIp(request)).isEqualTo("203.0.113.7");
    assertThat(addresses.forwardedFor(request)).isEqualTo("203.0.113.7");
  }

  @Test
  void trustedProxyVouchesForTheAddressBeforeIt() {
    ServerHttpRequest request = from("10.1.2.3", "198.51.100.1");

    assertThat(addresses.clientIp(request)).isEqualTo("198.51.100.1");
    assertThat(addresses.forwardedFor(request)).isEqualTo("198.51.100.1, 10.1.2.3");
  }

  @Test
  void forgedEntriesLeftOfTheRealClientAreIgnored() {
    ServerHttpRequest request = from("10.1.2.3", "6.6.6.6, 198.51.100.1, 10.9.9.9");

    assertThat(addresses.clientIp(request)).isEqualTo("198.51.100.1");
  }

  @Test
  void garbageInTheChainFallsBackToThePeer() {
    ServerHttpRequest request = from("10.1.2.3", "not-an-address");

    assertThat(addresses.clientIp(request)).isEqualTo("10.1.2.3");
  }

  @Test
  void ipv6LoopbackCanBeTrusted() {
    assertThat(addresses.isTrusted("::1")).isTrue();
    assertThat(addresses.isTrusted("::2")).isFalse();
    assertThat(addresses.isTrusted("11.0.0.1")).isFalse();
  }

  @Test
  void hostNamesAreNeverLookedUp() {
    assertThat(addresses.isTrusted("localhost")).isFalse();
    assertThat(ClientAddresses.literal("cafe")).isEmpty();
  }

  @Test
  void aMisconfiguredRangeFailsAtStartup() {
    assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal")))
        .hasMessageContaining("dealflow.gateway.trusted-proxies");
    assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33")))
        .hasMessageContaining("prefix");
  }

  private static ServerHttpRequest from(String peer, String forwardedFor) {
    return MockServerHttpRequest.get("/api/v1/leads")
        .remoteAddress(new InetSocketAddress(peer, 40000))
        .header(ClientAddresses.X_FORWARDED_FOR, forwardedFor)
        .build();
  }
}
