/** Support analytics, computed from the stored sessions, messages, ratings and tickets. */
@NullMarked
package io.dealflow.support.analytics;

import org.jspecify.annotations.NullMarked;
