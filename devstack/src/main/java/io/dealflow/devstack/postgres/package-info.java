/**
 * Finds a PostgreSQL server: configured URL, local server, Testcontainers, else a precise error.
 */
@NullMarked
package io.dealflow.devstack.postgres;

import org.jspecify.annotations.NullMarked;
