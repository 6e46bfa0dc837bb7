/**
 * The caller's own profile as HelloSales ({@code /api/v1/profile}) and Spotlight ({@code
 * /api/v1/user}) show and change it.
 */
@NullMarked
package io.dealflow.identity.profile;

import org.jspecify.annotations.NullMarked;
