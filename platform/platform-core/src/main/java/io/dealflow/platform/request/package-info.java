/** Request ids: accepted from the caller when well formed, generated otherwise, logged always. */
@NullMarked
package io.dealflow.platform.request;

import org.jspecify.annotations.NullMarked;
