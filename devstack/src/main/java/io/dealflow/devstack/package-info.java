/**
 * Infrastructure for local runs and tests: PostgreSQL, Redis, Kafka and Keycloak, resolved once per
 * JVM.
 */
@NullMarked
package io.dealflow.devstack;

import org.jspecify.annotations.NullMarked;
