/** Tracing for every service and the gateway: the switch, and spans for uninstrumented work. */
@NullMarked
package io.dealflow.platform.tracing;

import org.jspecify.annotations.NullMarked;
