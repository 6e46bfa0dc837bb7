package io.dealflow.identity.auth.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dealflow.identity.organization.Affiliation;
import io.dealflow.identity.organization.Organization;
import io.dealflow.identity.user.User;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The current user as three seeds know it, in one object (ARCHITECTURE §2's union rule): HelloSales
 * ({@code id, email, displayName, authProvider}), Trainer ({@code first_name, last_name, company,
 * role, is_active, created_at, last_login}) and HeliosCS ({@code role, tenant_id}). The mixed
 * casing is deliberate: each seed's client finds its own field names.
 */
@Schema(
    name = "CurrentUser",
    description =
        "The union of the HelloSales, Trainer and HeliosCS user objects; field casing follows"
            + " each seed")
record MeResponse(
    String id,
    String email,
    String displayName,
    @Schema(description = "Always 'keycloak'") String authProvider,
    @JsonProperty("first_name") String firstName,
    @JsonProperty("last_name") String lastName,
    @Nullable String company,
    @Schema(description = "Role in the organization the user acts for") @Nullable String role,
    @JsonProperty("is_active") boolean isActive,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("last_login") @Nullable Instant lastLogin,
    @Schema(description = "The organization the user acts for (HeliosCS tenant)")
        @JsonProperty("tenant_id")
        @Nullable String tenantId) {

  static MeResponse of(Affiliation affiliation) {
    User user = affiliation.user();
    Organization organization = affiliation.organization();
    return new MeResponse(
        user.id().toString(),
        user.email(),
        user.displayName(),
        "keycloak",
        user.firstName(),
        user.lastName(),
        user.company(),
        affiliation.role() == null ? null : affiliation.role().id(),
        user.active(),
        user.createdAt(),
        user.lastLoginAt(),
        organization == null ? null : organization.id().toString());
  }
}
