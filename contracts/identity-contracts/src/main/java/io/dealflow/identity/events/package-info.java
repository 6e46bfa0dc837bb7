/** The events identity-service publishes: their names (topics) and data records. */
@NullMarked
package io.dealflow.identity.events;

import org.jspecify.annotations.NullMarked;
