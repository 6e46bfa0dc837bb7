package io.dealflow.playbook.sailwind.web;

import io.dealflow.platform.security.Tenant;
import io.dealflow.playbook.sailwind.Archetype;
import io.dealflow.playbook.sailwind.ArchetypeKind;
import io.dealflow.playbook.sailwind.Catalogue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Client and product archetypes: templates of the organization's buyers and offerings. */
@RestController
@RequestMapping("/api/v1/sailwind")
@Tag(name = "Sailwind archetypes (HelloSales)")
@SecurityRequirement(name = "bearer")
class ArchetypeController {

  private final Catalogue catalogue;

  ArchetypeController(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping("/client-archetypes")
  @Operation(summary = "The organization's client archetypes, oldest first")
  List<ArchetypeResponse> clientArchetypes(Tenant caller) {
    return list(caller, ArchetypeKind.CLIENT);
  }

  @PostMapping("/client-archetypes")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a client archetype", description = "Admins only (403 otherwise).")
  ArchetypeResponse createClientArchetype(
      Tenant caller, @Valid @RequestBody CreateArchetypeRequest request) {
    return create(caller, ArchetypeKind.CLIENT, request);
  }

  @GetMapping("/product-archetypes")
  @Operation(summary = "The organization's product archetypes, oldest first")
  List<ArchetypeResponse> productArchetypes(Tenant caller) {
    return list(caller, ArchetypeKind.PRODUCT);
  }

  @PostMapping("/product-archetypes")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create a product archetype",
      description = "Admins only (403 otherwise). An addition to the seed, like client archetypes.")
  ArchetypeResponse createProductArchetype(
      Tenant caller, @Valid @RequestBody CreateArchetypeRequest request) {
    return create(caller, ArchetypeKind.PRODUCT, request);
  }

  private List<ArchetypeResponse> list(Tenant caller, ArchetypeKind kind) {
    return catalogue.archetypes(Callers.organization(caller), kind).stream()
        .map(ArchetypeResponse::of)
        .toList();
  }

  private ArchetypeResponse create(
      Tenant caller, ArchetypeKind kind, CreateArchetypeRequest request) {
    UUID orgId = Callers.adminOrganization(caller, "create " + kind.label().toLowerCase() + "s");
    String description = request.description();
    return ArchetypeResponse.of(
        catalogue.createArchetype(
            orgId,
            caller.userId(),
            kind,
            request.name().strip(),
            description == null || description.isBlank() ? null : description.strip()));
  }

  @Schema(name = "SailwindArchetypeCreate")
  record CreateArchetypeRequest(
      @NotBlank @Size(max = Patch.MAX_NAME) String name,
      @Schema(description = "Its traits, for people and the coach") @Size(max = 4000)
          @Nullable String description) {}

  @Schema(name = "SailwindArchetype")
  record ArchetypeResponse(
      UUID id,
      String name,
      @Nullable String description,
      UUID organizationId,
      Instant createdAt,
      Instant updatedAt) {

    static ArchetypeResponse of(Archetype archetype) {
      return new ArchetypeResponse(
          archetype.id(),
          archetype.name(),
          archetype.description(),
          archetype.orgId(),
          archetype.createdAt(),
          archetype.updatedAt());
    }
  }
}
