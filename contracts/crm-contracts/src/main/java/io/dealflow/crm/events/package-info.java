/** The events crm-service publishes: their names (topics) and data records. */
@NullMarked
package io.dealflow.crm.events;

import org.jspecify.annotations.NullMarked;
