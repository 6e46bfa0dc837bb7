package io.dealflow.crm.integration;

import io.dealflow.platform.outbound.HostResolver;
import io.dealflow.platform.outbound.OutboundTargets;
import io.dealflow.platform.secret.SecretBox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The integrations' infrastructure: where their credentials are sealed, which hosts they call. */
@Configuration(proxyBeanMethods = false)
class IntegrationsConfiguration {

  /**
   * Seals access tokens with {@code dealflow.crm.integrations.encryption-key}: the service does not
   * start without it.
   */
  @Bean
  SecretBox integrationSecrets(IntegrationsProperties properties) {
    return SecretBox.fromKey(
        properties.encryptionKey(),
        "dealflow.crm.integrations.encryption-key",
        "DEALFLOW_CRM_INTEGRATIONS_ENCRYPTION_KEY");
  }

  /**
   * The hosts an integration may call: public addresses only, unless {@code
   * dealflow.crm.integrations.allow-private-targets} is on. A {@link HostResolver} bean replaces
   * the system's resolver (tests).
   */
  @Bean
  OutboundTargets integrationTargets(
      IntegrationsProperties properties, ObjectProvider<HostResolver> resolver) {
    return new OutboundTargets(
        properties.allowPrivateTargets(), resolver.getIfAvailable(() -> HostResolver.SYSTEM));
  }
}
