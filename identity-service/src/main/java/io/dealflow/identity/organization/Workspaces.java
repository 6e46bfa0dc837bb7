package io.dealflow.identity.organization;

import io.dealflow.identity.events.IdentityEvents;
import io.dealflow.identity.events.OrgMemberAdded;
import io.dealflow.identity.keycloak.KeycloakUsers;
import io.dealflow.identity.keycloak.Tenancy;
import io.dealflow.identity.user.User;
import io.dealflow.identity.user.UserDirectory;
import io.dealflow.identity.user.UserId;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.events.Outbox;
import io.dealflow.platform.security.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Organizations and who belongs to them. Membership is checked against this database, not against
 * the caller's token, so a workspace created a moment ago is usable before the next refresh and a
 * removed member loses access at once. A user who is not a member learns nothing: 404.
 */
@Service
public class Workspaces {

  private final Organizations organizations;
  private final Memberships memberships;
  private final UserDirectory users;
  private final KeycloakUsers keycloak;
  private final Outbox outbox;
  private final TransactionTemplate transaction;

  Workspaces(
      Organizations organizations,
      Memberships memberships,
      UserDirectory users,
      KeycloakUsers keycloak,
      Outbox outbox,
      PlatformTransactionManager transactions) {
    this.organizations = organizations;
    this.memberships = memberships;
    this.users = users;
    this.keycloak = keycloak;
    this.outbox = outbox;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Creates an organization with its founder as admin, inside the caller's transaction. Keycloak is
   * not touched: the founder's account is created with this organization already in it.
   */
  public Organization found(OrganizationId id, String name, UserId founder) {
    organizations.insert(id, name);
    insertMember(id, founder, Role.ADMIN);
    return organizations.find(id).orElseThrow();
  }

  /**
   * Creates a further organization for an existing user, who becomes its admin; the user's next
   * tokens list it in {@code org_ids}.
   */
  public Organization create(UserId founder, String name) {
    return transaction.execute(
        status -> {
          users.lock(founder);
          Organization organization = found(OrganizationId.random(), name, founder);
          publishTenancy(founder);
          return organization;
        });
  }

  /** Adds a user to an organization, inside the caller's transaction. */
  public void addMember(OrganizationId org, UserId user, Role role) {
    insertMember(org, user, role);
  }

  private void insertMember(OrganizationId org, UserId user, Role role) {
    memberships.insert(org, user, role);
    outbox.append(
        IdentityEvents.ORG_MEMBER_ADDED,
        org.value(),
        org.value(),
        new OrgMemberAdded(org.value(), user.value(), role.id()));
  }

  /** The organization, if the viewer belongs to it. */
  public Organization visibleTo(UserId viewer, OrganizationId id) {
    memberships.find(id, viewer).orElseThrow(Workspaces::workspaceNotFound);
    return organizations.find(id).orElseThrow(Workspaces::workspaceNotFound);
  }

  public Optional<Membership> membership(OrganizationId org, UserId user) {
    return memberships.find(org, user);
  }

  public long memberCount(OrganizationId org) {
    return memberships.countOfOrganization(org);
  }

  /** A page of the organization's members, oldest first, if the viewer belongs to it. */
  public Page<Member> members(UserId viewer, OrganizationId id, int limit, int offset) {
    visibleTo(viewer, id);
    List<Membership> page = memberships.ofOrganization(id, limit, offset);
    Map<UserId, User> people = users.findAll(page.stream().map(Membership::userId).toList());
    List<Member> members =
        page.stream()
            .filter(m -> people.containsKey(m.userId()))
            .map(m -> new Member(people.get(m.userId()), id, m.role(), m.joinedAt()))
            .toList();
    return new Page<>(members, memberships.countOfOrganization(id));
  }

  /**
   * One member of the organization, if the viewer belongs to it too; empty when the user is not a
   * member.
   */
  public Optional<Member> member(UserId viewer, OrganizationId id, UserId userId) {
    visibleTo(viewer, id);
    return member(id, userId);
  }

  /** A member of the organization, for a caller already known to act for it. */
  public Optional<Member> member(OrganizationId id, UserId userId) {
    return memberships
        .find(id, userId)
        .flatMap(
            m ->
                users.findAll(List.of(m.userId())).values().stream()
                    .findFirst()
                    .map(user -> new Member(user, id, m.role(), m.joinedAt())));
  }

  /** A page of the organizations the user belongs to, with its role in each. */
  public Page<Affiliation> affiliations(User user, int limit, int offset) {
    List<Membership> page = memberships.ofUser(user.id(), limit, offset);
    Map<OrganizationId, Organization> orgs =
        organizations.findAll(page.stream().map(m -> m.orgId().value()).toList()).stream()
            .collect(Collectors.toMap(Organization::id, Function.identity()));
    List<Affiliation> items =
        page.stream()
            .filter(m -> orgs.containsKey(m.orgId()))
            .map(m -> new Affiliation(user, orgs.get(m.orgId()), m.role(), m.joinedAt()))
            .toList();
    return new Page<>(items, memberships.countOfUser(user.id()));
  }

  /**
   * The user with the organization it acts for: the one its token names ({@code tokenOrg}) if the
   * user still belongs to it, else its oldest membership.
   */
  public Affiliation affiliation(User user, @Nullable UUID tokenOrg) {
    List<Membership> all = memberships.ofUser(user.id());
    if (all.isEmpty()) {
      return Affiliation.none(user);
    }
    Membership current =
        all.stream()
            .filter(m -> m.orgId().value().equals(tokenOrg))
            .findFirst()
            .orElse(all.getFirst());
    Organization organization = organizations.find(current.orgId()).orElse(null);
    return new Affiliation(user, organization, current.role(), current.joinedAt());
  }

  /**
   * The target's membership in an organization the viewer shares with it, preferring the viewer's
   * current one; users who share none are invisible to each other.
   */
  public Optional<Membership> sharedMembership(
      UserId viewer, UserId target, @Nullable OrganizationId preferred) {
    return memberships.shared(viewer, target, preferred);
  }

  /**
   * Changes a member's role. Changes in one organization are serialized (its row is locked) so that
   * two admins demoting each other cannot leave it without an admin.
   */
  public Membership changeRole(OrganizationId org, UserId target, Role role) {
    return transaction.execute(
        status -> {
          if (!organizations.lock(org)) {
            throw workspaceNotFound();
          }
          Membership membership =
              memberships.find(org, target).orElseThrow(() -> ApiException.notFound("User"));
          if (membership.role() == role) {
            return membership;
          }
          if (membership.role() == Role.ADMIN && memberships.countWithRole(org, Role.ADMIN) <= 1) {
            throw ApiException.conflict(
                "LAST_ADMIN", "The organization's only admin cannot give up the admin role");
          }
          users.lock(target);
          memberships.updateRole(org, target, role);
          publishTenancy(target);
          return memberships.find(org, target).orElseThrow();
        });
  }

  /**
   * Puts the organization on another plan (an operator's decision) and writes it to its members'
   * Keycloak accounts, so that their next tokens carry it ({@code org_plan}) to the gateway.
   *
   * @return the organization on its new plan; empty when there is none with that id
   */
  public Optional<Organization> changePlan(OrganizationId org, String plan) {
    if (!Organization.PLANS.contains(plan)) {
      throw new IllegalArgumentException("Unknown plan " + plan + "; plans: " + Organization.PLANS);
    }
    Optional<Organization> changed =
        transaction.execute(
            status ->
                organizations.changePlan(org, plan) ? organizations.find(org) : Optional.empty());
    if (changed.isPresent()) {
      int page = 200;
      for (int offset = 0; ; offset += page) {
        List<Membership> members = memberships.ofOrganization(org, page, offset);
        for (Membership member : members) {
          transaction.executeWithoutResult(
              status -> {
                users.lock(member.userId());
                publishTenancy(member.userId());
              });
        }
        if (members.size() < page) {
          break;
        }
      }
    }
    return changed;
  }

  /** Creates the organization if needed (demo data); idempotent. */
  public void ensure(OrganizationId id, String name) {
    organizations.upsert(id, name);
  }

  /** Makes the user a member with the role, whatever it was before (demo data); idempotent. */
  public void ensureMember(OrganizationId org, UserId user, Role role) {
    memberships.upsert(org, user, role);
  }

  /**
   * Writes the user's organizations and current role to Keycloak, from this database, so that its
   * next tokens carry them. The organization Keycloak names as current stays current while the user
   * belongs to it.
   */
  public Tenancy publishTenancy(UserId user) {
    return keycloak.applyTenancy(user.value(), keycloakCurrent -> tenancy(user, keycloakCurrent));
  }

  private Tenancy tenancy(UserId user, @Nullable UUID keycloakCurrent) {
    List<Membership> all = memberships.ofUser(user);
    if (all.isEmpty()) {
      return Tenancy.none();
    }
    Membership current =
        all.stream()
            .filter(m -> m.orgId().value().equals(keycloakCurrent))
            .findFirst()
            .orElse(all.getFirst());
    Map<UUID, Role> roles = new LinkedHashMap<>();
    all.forEach(m -> roles.put(m.orgId().value(), m.role()));
    String plan = organizations.find(current.orgId()).map(Organization::plan).orElse(null);
    return new Tenancy(
        current.orgId().value(), all.stream().map(m -> m.orgId().value()).toList(), roles, plan);
  }

  static ApiException workspaceNotFound() {
    return ApiException.notFound("Workspace");
  }
}
