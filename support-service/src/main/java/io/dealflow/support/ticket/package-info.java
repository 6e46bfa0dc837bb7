/** Support tickets: opened by people or by an escalation, worked by the support team. */
@NullMarked
package io.dealflow.support.ticket;

import org.jspecify.annotations.NullMarked;
