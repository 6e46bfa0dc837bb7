/**
 * identity-service as playbook-service asks it, over OpenFeign with the caller's token: whether a
 * user belongs to an organization.
 */
@NullMarked
package io.dealflow.playbook.sailwind.identity;

import org.jspecify.annotations.NullMarked;
