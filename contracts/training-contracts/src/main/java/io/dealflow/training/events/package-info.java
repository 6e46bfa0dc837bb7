/** The events training-service publishes: their names (topics) and data records. */
@NullMarked
package io.dealflow.training.events;

import org.jspecify.annotations.NullMarked;
