/**
 * training-service as identity-service sees it: the learning analytics behind the HelloSales
 * profile's {@code skills} and {@code progress}, asked with the caller's own token, with short
 * timeouts, and an honest "unavailable" when it does not answer.
 */
@NullMarked
package io.dealflow.identity.training;

import org.jspecify.annotations.NullMarked;
