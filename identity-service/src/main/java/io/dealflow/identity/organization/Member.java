package io.dealflow.identity.organization;

import io.dealflow.identity.user.User;
import io.dealflow.platform.security.Role;
import java.time.Instant;

/**
 * A user as a member of one organization.
 *
 * @param user the user
 * @param orgId the organization
 * @param role the role in the organization
 * @param joinedAt when the user joined it
 */
public record Member(User user, OrganizationId orgId, Role role, Instant joinedAt) {}
