/**
 * Signing in and out through Keycloak: registration, password sign-in, refresh, logout and password
 * changes, for the Trainer/HeliosCS and Spotlight APIs.
 */
@NullMarked
package io.dealflow.identity.auth;

import org.jspecify.annotations.NullMarked;
