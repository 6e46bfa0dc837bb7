package io.dealflow.identity.keycloak;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Keycloak is and how identity-service talks to it ({@code dealflow.keycloak.*}). The client
 * is confidential: it signs users in with the password grant and administers them through its
 * service account, so its secret comes from the environment only.
 *
 * @param url Keycloak's base URL, e.g. {@code http://localhost:8180}
 * @param realm the realm holding the suite's users
 * @param clientId the confidential client identity-service uses
 * @param clientSecret that client's secret
 * @param connectTimeout how long to wait for a connection to Keycloak
 * @param readTimeout how long to wait for Keycloak's answer
 * @param adminTokenMargin how long before its expiry the service-account token is renewed
 */
@Validated
@ConfigurationProperties("dealflow.keycloak")
public record KeycloakProperties(
    @NotNull URI url,
    @DefaultValue("dealflow") @NotBlank String realm,
    @DefaultValue("dealflow-identity") @NotBlank String clientId,
    @NotBlank String clientSecret,
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue("10s") Duration readTimeout,
    @DefaultValue("30s") Duration adminTokenMargin) {

  String realmPath() {
    return "/realms/" + realm;
  }

  String adminPath() {
    return "/admin/realms/" + realm;
  }
}
