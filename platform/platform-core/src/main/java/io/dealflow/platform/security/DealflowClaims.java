package io.dealflow.platform.security;

/** Claim names the suite's tokens carry (set by the realm's mappers). */
public final class DealflowClaims {

  /** The organization the user acts for. */
  public static final String ORG_ID = "org_id";

  /** Every organization the user belongs to. */
  public static final String ORG_IDS = "org_ids";

  /** Keycloak's realm roles: {@code {"realm_access": {"roles": [...]}}}. */
  public static final String REALM_ACCESS = "realm_access";

  public static final String EMAIL = "email";

  private DealflowClaims() {}
}
