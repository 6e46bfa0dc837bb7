/**
 * The adapter to Keycloak, the suite's identity provider: its token endpoint for signing in and its
 * admin REST API for users, passwords, sessions and the organization claims of tokens.
 */
@NullMarked
package io.dealflow.identity.keycloak;

import org.jspecify.annotations.NullMarked;
