package io.dealflow.identity.events;

import java.util.UUID;

/**
 * A person registered and got an account and an organization of their own.
 *
 * @param userId the new user
 * @param orgId the organization created for them, where they are admin
 * @param email their email
 * @param firstName their first name
 * @param lastName their last name
 */
public record UserRegistered(
    UUID userId, UUID orgId, String email, String firstName, String lastName) {}
