/**
 * Test support for the services: a fresh database per test class, real tokens from the realm's
 * Keycloak, and forged tokens that every service must refuse.
 */
@NullMarked
package io.dealflow.platform.test;

import org.jspecify.annotations.NullMarked;
