package io.dealflow.identity.member;

import io.dealflow.identity.keycloak.NewAccount;
import io.dealflow.identity.organization.Member;
import io.dealflow.identity.organization.Membership;
import io.dealflow.identity.organization.Organization;
import io.dealflow.identity.organization.OrganizationId;
import io.dealflow.identity.organization.Workspaces;
import io.dealflow.identity.user.ProfileChange;
import io.dealflow.identity.user.User;
import io.dealflow.identity.user.UserDirectory;
import io.dealflow.identity.user.UserId;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.security.Role;
import io.dealflow.platform.security.Tenant;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What an organization's admins do with its members, and what members see of each other. Users who
 * share no organization with the caller do not exist for it (404); users it can see but may not
 * change answer 403.
 */
@Service
public class Members {

  private static final String PASSWORD_ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.!";
  private static final int GENERATED_PASSWORD_LENGTH = 20;

  private final UserDirectory users;
  private final Workspaces workspaces;
  private final SecureRandom random = new SecureRandom();

  Members(UserDirectory users, Workspaces workspaces) {
    this.users = users;
    this.workspaces = workspaces;
  }

  /**
   * A person to add to an organization.
   *
   * @param email the new user's email
   * @param firstName the first name
   * @param lastName the last name
   * @param role the role in the organization
   * @param password the initial password; when null a temporary one is generated, which the user
   *     must replace at the first interactive sign-in
   * @param workspaceId the organization; the caller's current one when null
   */
  public record NewMember(
      String email,
      String firstName,
      String lastName,
      Role role,
      @Nullable String password,
      @Nullable UUID workspaceId) {

    @Override
    public String toString() {
      return "NewMember[role=" + role + ", workspaceId=" + workspaceId + "]";
    }
  }

  /**
   * The outcome of adding a member.
   *
   * @param member the new member
   * @param temporaryPassword the generated password, shown once, when none was given
   */
  public record Added(Member member, @Nullable String temporaryPassword) {}

  /** Creates the user in Keycloak and adds it to the organization; only its admins may. */
  public Added add(Tenant caller, NewMember request) {
    OrganizationId org = targetOrganization(caller, request.workspaceId());
    Organization organization = workspaces.visibleTo(UserId.of(caller.userId()), org);
    requireAdmin(caller, org, "Only the organization's admins can add users");
    boolean generated = request.password() == null;
    String password = generated ? generatePassword() : request.password();
    User user =
        users.createAccount(
            new NewAccount(
                request.email(),
                password,
                generated,
                request.firstName(),
                request.lastName(),
                request.role(),
                org.value(),
                organization.plan()),
            organization.name(),
            created -> workspaces.addMember(org, created.id(), request.role()));
    Membership membership = workspaces.membership(org, user.id()).orElseThrow();
    return new Added(
        new Member(user, org, membership.role(), membership.joinedAt()),
        generated ? password : null);
  }

  /** A user the caller shares an organization with, as a member of the caller's current one. */
  public Member view(Tenant caller, UserId target) {
    Membership shared =
        workspaces
            .sharedMembership(UserId.of(caller.userId()), target, currentOrg(caller))
            .orElseThrow(() -> ApiException.notFound("User"));
    return new Member(users.get(target), shared.orgId(), shared.role(), shared.joinedAt());
  }

  /**
   * Changes a member's names (the user itself, or an admin of the caller's current organization it
   * belongs to) and role (such an admin only).
   */
  public Member update(
      Tenant caller,
      UserId target,
      @Nullable String firstName,
      @Nullable String lastName,
      @Nullable Role role) {
    view(caller, target);
    boolean self = target.value().equals(caller.userId());
    OrganizationId current = currentOrg(caller);
    boolean adminOfTarget =
        current != null
            && isAdmin(caller, current)
            && workspaces.membership(current, target).isPresent();
    if ((firstName != null || lastName != null) && !self && !adminOfTarget) {
      throw ApiException.forbidden("Only the user or an admin of its organization can rename it");
    }
    if (role != null && !adminOfTarget) {
      throw ApiException.forbidden("Only an admin of the user's organization can change its role");
    }
    if (firstName != null || lastName != null) {
      users.update(target, ProfileChange.names(firstName, lastName));
    }
    if (role != null && current != null) {
      workspaces.changeRole(current, target, role);
    }
    return view(caller, target);
  }

  private OrganizationId targetOrganization(Tenant caller, @Nullable UUID requested) {
    if (requested != null) {
      return OrganizationId.of(requested);
    }
    OrganizationId current = currentOrg(caller);
    if (current == null) {
      throw ApiException.forbidden("You don't belong to an organization");
    }
    return current;
  }

  private void requireAdmin(Tenant caller, OrganizationId org, String message) {
    if (!isAdmin(caller, org)) {
      throw ApiException.forbidden(message);
    }
  }

  private boolean isAdmin(Tenant caller, OrganizationId org) {
    Optional<Membership> membership = workspaces.membership(org, UserId.of(caller.userId()));
    return membership.map(m -> m.role() == Role.ADMIN).orElse(false);
  }

  private static @Nullable OrganizationId currentOrg(Tenant caller) {
    return caller.orgId() == null ? null : OrganizationId.of(caller.orgId());
  }

  private String generatePassword() {
    StringBuilder password = new StringBuilder(GENERATED_PASSWORD_LENGTH);
    for (int i = 0; i < GENERATED_PASSWORD_LENGTH; i++) {
      password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
    }
    return password.toString();
  }
}
