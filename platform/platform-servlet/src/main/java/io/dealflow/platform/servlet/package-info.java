/**
 * Auto-configuration for the Spring MVC services: bearer-token security, errors in the route's
 * family format, request ids in logs and headers, and the caller's {@code Tenant} as a parameter.
 */
@NullMarked
package io.dealflow.platform.servlet;

import org.jspecify.annotations.NullMarked;
