/** Secrets a service must read back (partner tokens, signing keys), encrypted at rest. */
@NullMarked
package io.dealflow.platform.secret;

import org.jspecify.annotations.NullMarked;
