package io.dealflow.identity.auth;

import io.dealflow.identity.keycloak.TokenSet;
import io.dealflow.identity.organization.Affiliation;

/**
 * A successful sign-in: Keycloak's tokens and the user they were issued to.
 *
 * @param tokens the access and refresh tokens
 * @param affiliation the user and the organization it acts for
 */
public record SignedIn(TokenSet tokens, Affiliation affiliation) {}
