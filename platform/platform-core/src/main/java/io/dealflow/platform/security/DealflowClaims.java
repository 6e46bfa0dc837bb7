package io.dealflow.platform.security;

/** Claim names the suite's tokens carry (set by the realm's mappers). */
public final class DealflowClaims {

  /** The organization the user acts for. */
  public static final String ORG_ID = "org_id";

  /** Every organization the user belongs to. */
  public static final String ORG_IDS = "org_ids";

  /**
   * The user's role in each of its organizations: {@code {"<org id>": "admin", "<org id>": "rep"}}.
   */
  public static final String ORG_ROLES = "org_roles";

  /** The plan tier of the organization the user acts for ({@code starter}, {@code pro}, ...). */
  public static final String ORG_PLAN = "org_plan";

  /**
   * The realm role of operators: dead letters, replays, plan changes on the management port. No
   * organization grants it; registration never does.
   */
  public static final String OPERATOR_ROLE = "operator";

  /** Keycloak's realm roles: {@code {"realm_access": {"roles": [...]}}}. */
  public static final String REALM_ACCESS = "realm_access";

  public static final String EMAIL = "email";

  /**
   * What kind of credential the token stands for: absent for a user's Keycloak token, {@value
   * #API_TOKEN} for an organization's API token ({@link ApiTokens}).
   */
  public static final String TOKEN_USE = "token_use";

  /** {@link #TOKEN_USE} of an API token. */
  public static final String API_TOKEN = "api_token";

  /** The name an admin gave an API token. */
  public static final String TOKEN_NAME = "token_name";

  private DealflowClaims() {}
}
