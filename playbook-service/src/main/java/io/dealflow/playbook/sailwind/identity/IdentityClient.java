package io.dealflow.playbook.sailwind.identity;

import java.util.UUID;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * identity-service's VectorOS workspace API. Timeouts: {@code
 * spring.cloud.openfeign.client.config.identity.*}.
 */
@FeignClient(name = "identity", url = "${dealflow.playbook.identity-uri}")
interface IdentityClient {

  /** 200 with the member; 404 when the user (or the caller) is not a member of the workspace. */
  @GetMapping("/api/v1/workspaces/{workspaceId}/members/{userId}")
  WorkspaceMember member(
      @RequestHeader("Authorization") String authorization,
      @PathVariable("workspaceId") UUID workspaceId,
      @PathVariable("userId") UUID userId);

  /**
   * The part of identity-service's answer this service reads.
   *
   * @param userId the member
   * @param role the member's role in the workspace
   */
  record WorkspaceMember(UUID userId, String role) {}
}
