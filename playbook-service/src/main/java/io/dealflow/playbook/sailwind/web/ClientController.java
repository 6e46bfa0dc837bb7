package io.dealflow.playbook.sailwind.web;

import io.dealflow.platform.security.Tenant;
import io.dealflow.playbook.sailwind.Catalogue;
import io.dealflow.playbook.sailwind.Client;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Sailwind clients. Another organization's client answers 404. */
@RestController
@RequestMapping("/api/v1/sailwind/clients")
@Tag(name = "Sailwind clients (HelloSales)")
@SecurityRequirement(name = "bearer")
class ClientController {

  private final Catalogue catalogue;

  ClientController(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping
  @Operation(
      summary = "The organization's clients, oldest first",
      description = "Archived ones only with `include_archived=true`.")
  List<ClientResponse> list(
      Tenant caller,
      @RequestParam(name = "include_archived", defaultValue = "false") boolean includeArchived) {
    return catalogue.clients(Callers.organization(caller), includeArchived).stream()
        .map(ClientResponse::of)
        .toList();
  }

  @PostMapping
  @Operation(
      summary = "Create a client",
      description = "201 with the client. A client archetype of another organization: 404.")
  ResponseEntity<ClientResponse> create(
      Tenant caller, @Valid @RequestBody CreateClientRequest request) {
    String industry = request.industry();
    Client client =
        catalogue.createClient(
            Callers.organization(caller),
            new Client.Draft(
                request.name().strip(),
                industry == null || industry.isBlank() ? null : industry.strip(),
                request.clientArchetypeId(),
                false));
    return ResponseEntity.created(URI.create("/api/v1/sailwind/clients/" + client.id()))
        .body(ClientResponse.of(client));
  }

  @GetMapping("/{clientId}")
  @Operation(summary = "A client of the organization, archived or not")
  ClientResponse get(Tenant caller, @PathVariable UUID clientId) {
    return ClientResponse.of(catalogue.client(Callers.organization(caller), clientId));
  }

  @PatchMapping("/{clientId}")
  @Operation(
      summary = "Change a client",
      description =
          "Send only the fields to change; null clears `industry` and `clientArchetypeId`."
              + " `archived` archives (true) or restores (false).")
  ClientResponse update(
      Tenant caller,
      @PathVariable UUID clientId,
      @RequestBody @Schema(implementation = UpdateClientRequest.class) JsonNode body) {
    Patch patch = Patch.of(body);
    String name = patch.requiredText("name", Patch.MAX_NAME);
    String industry = patch.optionalText("industry", Patch.MAX_NAME);
    UUID archetype = patch.optionalId("clientArchetypeId");
    Boolean archived = patch.flag("archived");
    patch.validate();
    return ClientResponse.of(
        catalogue.reviseClient(
            Callers.organization(caller),
            clientId,
            current ->
                new Client.Draft(
                    Objects.requireNonNullElse(name, current.name()),
                    patch.has("industry") ? industry : current.industry(),
                    patch.has("clientArchetypeId") ? archetype : current.clientArchetypeId(),
                    Objects.requireNonNullElse(archived, current.archived()))));
  }

  @DeleteMapping("/{clientId}")
  @Operation(
      summary = "Archive a client (soft delete)",
      description = "204. It stays readable by id and with `include_archived=true`.")
  ResponseEntity<Void> archive(Tenant caller, @PathVariable UUID clientId) {
    catalogue.reviseClient(
        Callers.organization(caller),
        clientId,
        current ->
            new Client.Draft(
                current.name(), current.industry(), current.clientArchetypeId(), true));
    return ResponseEntity.noContent().build();
  }

  @Schema(name = "SailwindClientCreate")
  record CreateClientRequest(
      @NotBlank @Size(max = Patch.MAX_NAME) String name,
      @Size(max = Patch.MAX_NAME) @Nullable String industry,
      @Nullable UUID clientArchetypeId) {}

  @Schema(name = "SailwindClientUpdate")
  record UpdateClientRequest(
      @Nullable String name,
      @Nullable String industry,
      @Nullable UUID clientArchetypeId,
      @Nullable Boolean archived) {}

  @Schema(name = "SailwindClient")
  record ClientResponse(
      UUID id,
      String name,
      @Nullable String industry,
      @Nullable UUID clientArchetypeId,
      UUID organizationId,
      Instant createdAt,
      Instant updatedAt,
      boolean archived) {

    static ClientResponse of(Client client) {
      return new ClientResponse(
          client.id(),
          client.name(),
          client.industry(),
          client.clientArchetypeId(),
          client.orgId(),
          client.createdAt(),
          client.updatedAt(),
          client.archived());
    }
  }
}
