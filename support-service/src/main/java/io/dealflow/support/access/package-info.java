/** Who may do what in HeliosCS: the caller's organization, and its staff. */
@NullMarked
package io.dealflow.support.access;

import org.jspecify.annotations.NullMarked;
