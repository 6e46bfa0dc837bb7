package io.dealflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

class ApiTokensTest {

  private static final UUID TOKEN_ID = UUID.fromString("0b7a1f2e-3c4d-4e5f-8a9b-0c1d2e3f4a5b");
  private static final UUID ORG = UUID.fromString("7f3c2a10-0d5e-4c8b-9a51-3e6f1d2b4c01");

  @Test
  void aNewTokenHasTheFormEveryServiceRecognizes() {
    String token = ApiTokens.generate();

    assertThat(token).startsWith("dfk_").hasSize(47);
    assertThat(ApiTokens.looksLike(token)).isTrue();
    assertThat(ApiTokens.generate()).isNotEqualTo(token);
    assertThat(ApiTokens.displayPrefix(token)).isEqualTo(token.substring(0, 10));
  }

  @Test
  void keycloakTokensAndOddStringsAreNotTakenForApiTokens() {
    assertThat(ApiTokens.looksLike("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")).isFalse();
    assertThat(ApiTokens.looksLike("dfk_short")).isFalse();
    assertThat(ApiTokens.looksLike("dfk_" + "A".repeat(42) + "!")).isFalse();
    assertThat(ApiTokens.looksLike("dev_token")).isFalse();
    assertThat(ApiTokens.looksLike(null)).isFalse();
  }

  @Test
  void theHashIsTheHexSha256OfTheWholeToken() {
    // echo -n dfk_test | sha256sum
    assertThat(ApiTokens.hash("dfk_test"))
        .isEqualTo("8a79f0edb478cad1adbcd42ebc1f01cda5baada56acf888b2253601b0a862ca1");
  }

  @Test
  void aGrantDecodesToATokenWithTheSameTenancyRulesAsAUsers() {
    Instant end = Instant.now().plusSeconds(3600);
    Jwt jwt =
        ApiTokens.jwt(
            "dfk_x", new ApiTokenGrant(TOKEN_ID, "CRM sync", ORG, Role.MANAGER, "pro", end));

    Tenant tenant = Tenant.of(jwt);
    assertThat(ApiTokens.isApiToken(jwt)).isTrue();
    assertThat(jwt.getTokenValue()).isEqualTo("dfk_x");
    assertThat(jwt.getExpiresAt()).isEqualTo(end);
    assertThat(jwt.getClaimAsString(DealflowClaims.ORG_PLAN)).isEqualTo("pro");
    assertThat(tenant.userId()).isEqualTo(TOKEN_ID);
    assertThat(tenant.orgId()).isEqualTo(ORG);
    assertThat(tenant.orgIds()).containsExactly(ORG);
    assertThat(tenant.roleIn(ORG)).hasValue(Role.MANAGER);
    assertThat(tenant.hasRoleIn(ORG, Role.ADMIN)).isFalse();
    assertThat(tenant.roleIn(UUID.randomUUID())).isEmpty();
    assertThat(new KeycloakRoles().convert(jwt))
        .extracting(Object::toString)
        .containsExactly("ROLE_manager");
  }

  @Test
  void unknownAndPastTokensAreInvalidAndAnUnansweredCheckIsUnavailable() {
    ApiTokenGrant past =
        new ApiTokenGrant(TOKEN_ID, "Old", ORG, Role.REP, null, Instant.now().minusSeconds(1));

    assertThatThrownBy(
            () ->
                ApiTokens.decodeNow(t -> CompletableFuture.completedFuture(Optional.empty()), "k"))
        .isInstanceOf(BadJwtException.class)
        .satisfies(failure -> assertThat(JwtRules.isExpiry(failure)).isFalse());
    assertThatThrownBy(
            () ->
                ApiTokens.decodeNow(t -> CompletableFuture.completedFuture(Optional.of(past)), "k"))
        .isInstanceOf(BadJwtException.class)
        .satisfies(failure -> assertThat(JwtRules.isExpiry(failure)).isFalse());
    assertThatThrownBy(
            () ->
                ApiTokens.decodeNow(
                    t -> CompletableFuture.failedFuture(new ConnectException("refused")), "k"))
        .isInstanceOf(ApiTokenUnavailableException.class)
        .satisfies(failure -> assertThat(ApiTokenUnavailableException.isCause(failure)).isTrue());
  }
}
