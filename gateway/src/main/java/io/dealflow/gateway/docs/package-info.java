/** API documentation of every service, browsable through the gateway. */
@NullMarked
package io.dealflow.gateway.docs;

import org.jspecify.annotations.NullMarked;
