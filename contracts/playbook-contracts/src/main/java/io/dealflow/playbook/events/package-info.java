/** The events playbook-service publishes: their names (topics) and data records. */
@NullMarked
package io.dealflow.playbook.events;

import org.jspecify.annotations.NullMarked;
