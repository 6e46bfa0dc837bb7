package io.dealflow.crm.integration.web;

import io.dealflow.crm.integration.Connections;
import io.dealflow.crm.integration.Integration;
import io.dealflow.crm.integration.IntegrationsProperties;
import io.dealflow.crm.integration.Provider;
import io.dealflow.crm.integration.Synchronization;
import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.ErrorKind;
import io.dealflow.platform.error.FieldViolation;
import io.dealflow.platform.security.Role;
import io.dealflow.platform.security.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * VectorOS integrations. Members of a workspace see its integrations; only admins connect,
 * disconnect and sync them (403 for other roles). Another organization's workspace or integration
 * answers 404.
 */
@RestController
@Tag(name = "Integrations (VectorOS)")
@SecurityRequirement(name = "bearer")
class IntegrationController {

  private final Connections connections;
  private final Synchronization synchronization;
  private final IntegrationsProperties properties;

  IntegrationController(
      Connections connections, Synchronization synchronization, IntegrationsProperties properties) {
    this.connections = connections;
    this.synchronization = synchronization;
    this.properties = properties;
  }

  @GetMapping("/api/v1/workspaces/{workspaceId}/integrations")
  @Operation(summary = "The workspace's integrations, oldest first")
  IntegrationListResponse list(Tenant caller, @PathVariable UUID workspaceId) {
    requireMember(caller, workspaceId);
    return new IntegrationListResponse(
        connections.list(workspaceId).stream().map(IntegrationResponse::of).toList());
  }

  @PostMapping("/api/v1/workspaces/{workspaceId}/integrations")
  @Operation(
      summary = "Connect an integration",
      description =
          "Admins. `hubspot` needs `accessToken` (a private app token with the"
              + " crm.objects.contacts.read and crm.objects.deals.read scopes); `csv` needs nothing."
              + " One integration per provider and workspace (409 INTEGRATION_EXISTS).")
  ResponseEntity<IntegrationResponse> connect(
      Tenant caller,
      @PathVariable UUID workspaceId,
      @Valid @RequestBody ConnectIntegrationRequest request) {
    requireMember(caller, workspaceId);
    requireAdmin(caller, workspaceId);
    List<FieldViolation> violations = new ArrayList<>();
    Provider provider = Provider.fromId(request.provider()).orElse(null);
    if (provider == null) {
      violations.add(
          new FieldViolation("provider", "invalid", "Provider must be one of " + Provider.NAMES));
    }
    List<String> objects =
        request.objects() == null
            ? List.of("contacts", "deals")
            : request.objects().stream().map(o -> o.strip().toLowerCase(Locale.ROOT)).toList();
    for (String object : objects) {
      if (!object.equals("contacts") && !object.equals("deals")) {
        violations.add(
            new FieldViolation("objects", "invalid", "Objects may only be contacts and deals"));
        break;
      }
    }
    if (provider == null || !violations.isEmpty()) {
      throw new ApiException(ApiError.validation(violations));
    }
    Integration integration =
        connections.connect(
            workspaceId,
            caller.userId(),
            new Connections.Request(
                provider,
                request.name(),
                request.baseUrl(),
                request.accessToken(),
                objects.contains("contacts"),
                objects.contains("deals"),
                request.defaultCurrency()));
    return ResponseEntity.created(URI.create("/api/v1/integrations/" + integration.id()))
        .body(IntegrationResponse.of(integration));
  }

  @DeleteMapping("/api/v1/integrations/{id}")
  @Operation(
      summary = "Disconnect an integration",
      description = "Admins; 204. Its stored token is deleted; records it synced stay.")
  ResponseEntity<Void> disconnect(Tenant caller, @PathVariable UUID id) {
    requireAdmin(caller, connections.get(caller.orgIds(), id).orgId());
    connections.disconnect(caller.orgIds(), id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/v1/integrations/{id}/sync")
  @Operation(
      summary = "Sync an integration now",
      description =
          "Admins. HubSpot: reads contacts and deals from HubSpot. CSV: the file as multipart"
              + " part `file` or as a `text/csv` body. All or nothing: a failure imports nothing,"
              + " answers 400 (a bad file, with `details.problems` by line) or 502 (HubSpot"
              + " refused or failed), and emits `integration.failed`; a success emits"
              + " `integration.synced`.")
  SyncResponse sync(
      Tenant caller, @PathVariable UUID id, @Schema(hidden = true) HttpServletRequest request) {
    Integration integration = connections.get(caller.orgIds(), id);
    requireAdmin(caller, integration.orgId());
    byte[] upload = upload(request);
    if (integration.provider() == Provider.CSV && upload == null) {
      throw new ApiException(
          ErrorKind.UNSUPPORTED_MEDIA_TYPE,
          "A CSV sync takes the file as multipart/form-data (part 'file') or as a text/csv body");
    }
    return SyncResponse.of(synchronization.sync(caller.orgIds(), id, upload));
  }

  /** The file sent with a sync, if any; larger than allowed answers 413. */
  private byte @Nullable [] upload(HttpServletRequest request) {
    long max = properties.csv().maxBytes();
    MultipartHttpServletRequest multipart =
        WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    try {
      if (multipart != null) {
        MultipartFile file = multipart.getFile("file");
        if (file == null) {
          throw ApiException.invalid(
              "file", "required", "File is required (multipart part 'file')");
        }
        if (file.getSize() > max) {
          throw tooLarge(max);
        }
        return file.getBytes();
      }
      String type = request.getContentType();
      if (type != null && isCsv(type)) {
        try (InputStream body = request.getInputStream()) {
          byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, max + 1));
          if (bytes.length > max) {
            throw tooLarge(max);
          }
          return bytes;
        }
      }
      return null;
    } catch (IOException e) {
      throw ApiException.badRequest("The file could not be read");
    }
  }

  private static boolean isCsv(String contentType) {
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return type.getSubtype().equalsIgnoreCase("csv");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static ApiException tooLarge(long max) {
    return new ApiException(
        ErrorKind.PAYLOAD_TOO_LARGE, "The file is larger than " + max + " bytes");
  }

  private static void requireMember(Tenant caller, UUID workspaceId) {
    if (!caller.belongsTo(workspaceId)) {
      throw ApiException.notFound("Workspace");
    }
  }

  /** Admins of the workspace that owns the integration; a role held elsewhere does not count. */
  private static void requireAdmin(Tenant caller, UUID workspaceId) {
    if (!caller.hasRoleIn(workspaceId, Role.ADMIN)) {
      throw ApiException.forbidden("Only admins manage integrations");
    }
  }

  /** The workspace's integrations. */
  @Schema(name = "IntegrationList")
  record IntegrationListResponse(List<IntegrationResponse> integrations) {}
}
