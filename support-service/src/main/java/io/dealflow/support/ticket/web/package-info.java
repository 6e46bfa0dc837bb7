/** The HeliosCS ticket routes. */
@NullMarked
package io.dealflow.support.ticket.web;

import org.jspecify.annotations.NullMarked;
