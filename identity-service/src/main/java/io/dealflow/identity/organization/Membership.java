package io.dealflow.identity.organization;

import io.dealflow.identity.user.UserId;
import io.dealflow.platform.security.Role;
import java.time.Instant;

/**
 * A user's place in an organization.
 *
 * @param orgId the organization
 * @param userId the user
 * @param role the user's role there
 * @param joinedAt when the user joined
 */
public record Membership(OrganizationId orgId, UserId userId, Role role, Instant joinedAt) {}
