package io.dealflow.identity.organization.web;

import io.dealflow.identity.organization.Member;
import io.dealflow.identity.organization.Membership;
import io.dealflow.identity.organization.Organization;
import io.dealflow.identity.organization.OrganizationId;
import io.dealflow.identity.organization.Workspaces;
import io.dealflow.identity.user.User;
import io.dealflow.identity.user.UserId;
import io.dealflow.identity.web.Callers;
import io.dealflow.identity.web.Pagination;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.security.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** VectorOS workspaces (camelCase; errors in the VectorOS format). */
@RestController
@RequestMapping("/api/v1/workspaces")
@Tag(name = "Workspaces (VectorOS)")
@SecurityRequirement(name = "bearer")
class WorkspaceController {

  private final Workspaces workspaces;
  private final Callers callers;

  WorkspaceController(Workspaces workspaces, Callers callers) {
    this.workspaces = workspaces;
    this.callers = callers;
  }

  @PostMapping
  @Operation(
      summary = "Create a workspace",
      description =
          "Creates an organization with the caller as its admin and adds it to the caller's"
              + " `org_ids` (in tokens issued from now on; refresh to get one).")
  ResponseEntity<WorkspaceResponse> create(
      Tenant caller, @Valid @RequestBody CreateWorkspace request) {
    User user = callers.user(caller);
    Organization organization = workspaces.create(user.id(), request.name().strip());
    return ResponseEntity.created(URI.create("/api/v1/workspaces/" + organization.id()))
        .body(describe(organization, user));
  }

  @GetMapping("/{id}")
  @Operation(summary = "A workspace the caller belongs to", description = "404 for any other.")
  WorkspaceResponse get(Tenant caller, @PathVariable UUID id) {
    User user = callers.user(caller);
    return describe(workspaces.visibleTo(user.id(), OrganizationId.of(id)), user);
  }

  @GetMapping("/{id}/members")
  @Operation(
      summary = "The workspace's members",
      description =
          "Oldest first; `limit` (1-200, default 50) and `offset`, total in `X-Total-Count`. 404"
              + " unless the caller belongs to the workspace.")
  ResponseEntity<List<MemberResponse>> members(
      Tenant caller,
      @PathVariable UUID id,
      @RequestParam(defaultValue = Pagination.DEFAULT_LIMIT) @Min(1) @Max(Pagination.MAX_LIMIT)
          int limit,
      @RequestParam(defaultValue = "0") @Min(0) int offset) {
    User user = callers.user(caller);
    return Pagination.ok(
        workspaces
            .members(user.id(), OrganizationId.of(id), limit, offset)
            .map(MemberResponse::of));
  }

  @GetMapping("/{id}/members/{userId}")
  @Operation(
      summary = "One member of the workspace",
      description =
          "200 with the member; 404 when the user is not a member, or the caller does not belong"
              + " to the workspace. Other services ask it with the caller's token to check a"
              + " membership (playbook-service before a rep assignment).")
  MemberResponse member(Tenant caller, @PathVariable UUID id, @PathVariable UUID userId) {
    if (callers.isApiToken()) {
      // A token sees the members of its own organization only.
      if (!caller.belongsTo(id)) {
        throw ApiException.notFound("Member");
      }
      return workspaces
          .member(OrganizationId.of(id), UserId.of(userId))
          .map(MemberResponse::of)
          .orElseThrow(() -> ApiException.notFound("Member"));
    }
    User user = callers.user(caller);
    return workspaces
        .member(user.id(), OrganizationId.of(id), UserId.of(userId))
        .map(MemberResponse::of)
        .orElseThrow(() -> ApiException.notFound("Member"));
  }

  private WorkspaceResponse describe(Organization organization, User viewer) {
    Membership membership = workspaces.membership(organization.id(), viewer.id()).orElseThrow();
    return new WorkspaceResponse(
        organization.id().toString(),
        organization.name(),
        organization.plan(),
        membership.role().id(),
        workspaces.memberCount(organization.id()),
        organization.createdAt(),
        organization.updatedAt());
  }

  @Schema(name = "CreateWorkspaceRequest")
  record CreateWorkspace(@NotBlank @Size(max = 200) String name) {}

  @Schema(name = "Workspace")
  record WorkspaceResponse(
      String id,
      String name,
      String plan,
      @Schema(description = "The caller's role in the workspace") String role,
      long memberCount,
      Instant createdAt,
      Instant updatedAt) {}

  @Schema(name = "WorkspaceMember")
  record MemberResponse(
      String userId,
      String email,
      String firstName,
      String lastName,
      String displayName,
      String role,
      boolean isActive,
      Instant joinedAt) {

    static MemberResponse of(Member member) {
      User user = member.user();
      return new MemberResponse(
          user.id().toString(),
          user.email(),
          user.firstName(),
          user.lastName(),
          user.displayName(),
          member.role().id(),
          user.active(),
          member.joinedAt());
    }
  }
}
