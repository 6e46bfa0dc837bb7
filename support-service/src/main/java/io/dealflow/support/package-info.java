/** support-service: chat sessions, grounded answers, redaction, knowledge, tickets, analytics. */
@NullMarked
package io.dealflow.support;

import org.jspecify.annotations.NullMarked;
