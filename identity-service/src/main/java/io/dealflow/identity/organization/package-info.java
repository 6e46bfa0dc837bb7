/**
 * Organizations (VectorOS workspaces) and memberships with their roles; what a user's tokens say
 * about organizations is derived from here.
 */
@NullMarked
package io.dealflow.identity.organization;

import org.jspecify.annotations.NullMarked;
