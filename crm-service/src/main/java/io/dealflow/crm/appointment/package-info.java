/** Spotlight OS appointments: meetings booked with leads. */
@NullMarked
package io.dealflow.crm.appointment;

import org.jspecify.annotations.NullMarked;
