/**
 * What every response shares: request ids, access logs, security headers, CORS and error bodies.
 */
@NullMarked
package io.dealflow.gateway.web;

import org.jspecify.annotations.NullMarked;
