/** Per-IP, per-user and per-organization request limits, counted atomically in Redis. */
@NullMarked
package io.dealflow.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
