/**
 * What every Dealflow WebFlux service gets by depending on {@code platform-reactive}: the same
 * contract as {@code platform-servlet} (resource-server security, errors in the route's family
 * format, request ids, the caller's tenant), for reactive services.
 */
@NullMarked
package io.dealflow.platform.reactive;

import org.jspecify.annotations.NullMarked;
