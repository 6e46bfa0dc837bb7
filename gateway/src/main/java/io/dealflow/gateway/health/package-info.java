/** Operational endpoints: the aggregated health of the suite, readiness and Prometheus metrics. */
@NullMarked
package io.dealflow.gateway.health;

import org.jspecify.annotations.NullMarked;
