package io.dealflow.identity.organization;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/plans/{orgId}} on the management port: an operator reads an organization's plan
 * and changes it with {@code POST {"plan": "pro"}}. The members' next tokens carry the new plan
 * ({@code org_plan}), which the gateway's per-organization limits follow. Like every actuator path
 * but health, info and metrics, it needs the {@code operator} realm role; the gateway never routes
 * the management port.
 */
@Component
@Endpoint(id = "plans")
class PlansEndpoint {

  private final Workspaces workspaces;
  private final Organizations organizations;

  PlansEndpoint(Workspaces workspaces, Organizations organizations) {
    this.workspaces = workspaces;
    this.organizations = organizations;
  }

  @ReadOperation
  @Nullable Map<String, Object> plan(@Selector String orgId) {
    return organizations.find(OrganizationId.of(id(orgId))).map(PlansEndpoint::body).orElse(null);
  }

  @WriteOperation
  WebEndpointResponse<Map<String, Object>> change(@Selector String orgId, String plan) {
    if (!Organization.PLANS.contains(plan)) {
      throw new InvalidEndpointRequestException(
          "Unknown plan " + plan + "; plans: " + Organization.PLANS, "unknown plan");
    }
    return workspaces
        .changePlan(OrganizationId.of(id(orgId)), plan)
        .map(organization -> new WebEndpointResponse<>(body(organization)))
        .orElseGet(() -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND));
  }

  private static UUID id(String orgId) {
    try {
      return UUID.fromString(orgId);
    } catch (IllegalArgumentException e) {
      throw new InvalidEndpointRequestException(
          "Not an organization id: " + orgId, "not an organization id");
    }
  }

  private static Map<String, Object> body(Organization organization) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", organization.id().value());
    body.put("name", organization.name());
    body.put("plan", organization.plan());
    body.put("updatedAt", organization.updatedAt());
    return body;
  }
}
