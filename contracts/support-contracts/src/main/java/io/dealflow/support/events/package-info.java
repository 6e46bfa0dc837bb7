/** The events support-service publishes: their names (topics) and data records. */
@NullMarked
package io.dealflow.support.events;

import org.jspecify.annotations.NullMarked;
