package io.dealflow.crm.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Which base URLs an integration may call. */
class OutboundTargetsTest {

  static OutboundTargets targets(boolean allowPrivate) {
    IntegrationsProperties defaults = SecretBoxTest.properties(SecretBoxTest.KEY);
    return new OutboundTargets(
        new IntegrationsProperties(
            defaults.encryptionKey(), allowPrivate, "USD", defaults.hubspot(), defaults.csv()));
  }

  @Test
  void internalAddressesAreRefused() {
    OutboundTargets production = targets(false);

    for (String url :
        new String[] {
          "https://127.0.0.1",
          "https://localhost:8443",
          "https://10.1.2.3",
          "https://192.168.0.10",
          "https://172.16.5.4",
          "https://169.254.169.254",
          "https://100.64.0.1",
          "https://[::1]",
          "https://[fd00::1]",
          "https://0.0.0.0"
        }) {
      assertThat(production.refusal(URI.create(url))).as(url).isPresent();
    }
  }

  @Test
  void publicHttpsAddressesAreAllowed() {
    assertThat(targets(false).refusal(URI.create("https://93.184.215.14"))).isEmpty();
  }

  @Test
  void cleartextCredentialsAndOddSchemesAreRefused() {
    OutboundTargets production = targets(false);

    assertThat(production.refusal(URI.create("http://93.184.215.14"))).hasValue("must use https");
    assertThat(production.refusal(URI.create("https://user:pw@93.184.215.14"))).isPresent();
    assertThat(production.refusal(URI.create("file:///etc/passwd"))).isPresent();
  }

  @Test
  void developmentMayAllowLocalTargets() {
    assertThat(targets(true).refusal(URI.create("http://127.0.0.1:8099"))).isEmpty();
    assertThat(targets(true).refusal(URI.create("ftp://127.0.0.1"))).isPresent();
  }
}
