package io.dealflow.platform.security;

import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * The checks every service applies to a bearer token: an RS256 signature by a key of the realm's
 * JWKS (cached by Nimbus), the realm's issuer, an unexpired lifetime, and the suite's audience.
 * {@code alg: none} and HMAC tokens never pass, whatever they claim.
 */
public final class JwtRules {

  private JwtRules() {}

  public static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
    OAuth2TokenValidator<Jwt> audience =
        new JwtClaimValidator<List<String>>(
            "aud", aud -> aud != null && aud.contains(properties.audience()));
    OAuth2TokenValidator<Jwt> subject =
        jwt ->
            jwt.getSubject() != null && !jwt.getSubject().isBlank()
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                    new OAuth2Error("invalid_token", "The token names no subject", null));
    return new DelegatingOAuth2TokenValidator<>(
        new JwtTimestampValidator(properties.clockSkew()),
        new JwtIssuerValidator(properties.issuerUri()),
        audience,
        subject);
  }

  public static NimbusJwtDecoder decoder(SecurityProperties properties) {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri())
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
    decoder.setJwtValidator(validator(properties));
    return decoder;
  }

  /** Authorities from realm roles, principal name = the subject. */
  public static JwtAuthenticationConverter authenticationConverter() {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(new KeycloakRoles());
    return converter;
  }

  /** Whether a decoding failure was an expired token, so clients can be told to refresh. */
  public static boolean isExpiry(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && message.contains("expired")) {
        return true;
      }
    }
    return false;
  }
}
