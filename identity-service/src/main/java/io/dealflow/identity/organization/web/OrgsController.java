package io.dealflow.identity.organization.web;

import io.dealflow.identity.organization.Affiliation;
import io.dealflow.identity.organization.Organization;
import io.dealflow.identity.organization.Workspaces;
import io.dealflow.identity.web.Callers;
import io.dealflow.identity.web.Pagination;
import io.dealflow.platform.security.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Objects;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** HelloSales's organizations of the caller (camelCase; errors in the HelloSales format). */
@RestController
@Tag(name = "Organizations (HelloSales)")
@SecurityRequirement(name = "bearer")
class OrgsController {

  private final Workspaces workspaces;
  private final Callers callers;

  OrgsController(Workspaces workspaces, Callers callers) {
    this.workspaces = workspaces;
    this.callers = callers;
  }

  @GetMapping("/api/v1/orgs")
  @Operation(
      summary = "The organizations the caller belongs to",
      description =
          "Oldest membership first; `limit` (1-200, default 50) and `offset`, total in"
              + " `X-Total-Count`. `orgId` equals `id` (HelloSales kept a WorkOS id there).")
  ResponseEntity<List<OrgResponse>> orgs(
      Tenant caller,
      @RequestParam(defaultValue = Pagination.DEFAULT_LIMIT) @Min(1) @Max(Pagination.MAX_LIMIT)
          int limit,
      @RequestParam(defaultValue = "0") @Min(0) int offset) {
    return Pagination.ok(
        workspaces.affiliations(callers.user(caller), limit, offset).map(OrgResponse::of));
  }

  @Schema(name = "Org")
  record OrgResponse(String id, String orgId, String name, String role) {

    static OrgResponse of(Affiliation affiliation) {
      Organization organization = Objects.requireNonNull(affiliation.organization());
      String id = organization.id().toString();
      return new OrgResponse(
          id, id, organization.name(), Objects.requireNonNull(affiliation.role()).id());
    }
  }
}
