/** Bearer-token checks at the edge, the public paths, and who the caller is. */
@NullMarked
package io.dealflow.gateway.security;

import org.jspecify.annotations.NullMarked;
