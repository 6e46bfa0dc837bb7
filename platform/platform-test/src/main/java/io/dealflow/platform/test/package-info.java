/**
 * Test support for the services: a fresh database per test class, real tokens from the realm's
 * Keycloak, forged tokens that every service must refuse, and a stub OpenAI-compatible API.
 */
@NullMarked
package io.dealflow.platform.test;

import org.jspecify.annotations.NullMarked;
