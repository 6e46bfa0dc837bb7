/** Finds a Redis server: configured URL, local server, Testcontainers, else a precise error. */
@NullMarked
package io.dealflow.devstack.redis;

import org.jspecify.annotations.NullMarked;
