/**
 * Finds Keycloak with the dealflow realm, or runs it from its Maven Central distribution with
 * generated secrets.
 */
@NullMarked
package io.dealflow.devstack.keycloak;

import org.jspecify.annotations.NullMarked;
