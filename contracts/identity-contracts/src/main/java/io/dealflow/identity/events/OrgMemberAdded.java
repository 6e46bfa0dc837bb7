package io.dealflow.identity.events;

import java.util.UUID;

/**
 * A user became a member of an organization (at registration, or added by an admin).
 *
 * @param orgId the organization
 * @param userId the member
 * @param role their role there (admin, manager, rep, agent)
 */
public record OrgMemberAdded(UUID orgId, UUID userId, String role) {}
