/**
 * identity-service: who the suite's users are, which organizations they belong to and in which
 * role, and how they sign in (through Keycloak).
 */
@NullMarked
package io.dealflow.identity;

import org.jspecify.annotations.NullMarked;
