package io.dealflow.training.call;

import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.security.Tenant;
import io.dealflow.training.session.SessionManagement;
import io.dealflow.training.session.TrainingSession;
import java.security.Principal;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Admits a call socket only for the session's owner, with a session that has not ended: 404 for an
 * unknown session or another user's, 409 for an ended one. The token itself was checked by the
 * resource server before this runs (401 otherwise).
 */
@Component
class CallHandshake implements HandshakeInterceptor {

  static final String SESSION = "training.session";
  static final String CALLER = "training.caller";

  private static final Logger log = LoggerFactory.getLogger(CallHandshake.class);

  private final SessionManagement sessions;

  CallHandshake(SessionManagement sessions) {
    this.sessions = sessions;
  }

  @Override
  public boolean beforeHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Map<String, Object> attributes) {
    Principal principal = request.getPrincipal();
    if (!(principal instanceof JwtAuthenticationToken authentication)) {
      response.setStatusCode(HttpStatus.UNAUTHORIZED);
      return false;
    }
    Tenant caller = Tenant.of(authentication.getToken());
    UUID sessionId = sessionId(request.getURI().getPath());
    if (sessionId == null || caller.orgId() == null) {
      response.setStatusCode(HttpStatus.NOT_FOUND);
      return false;
    }
    TrainingSession session;
    try {
      session = sessions.findOwn(caller.orgId(), caller.userId(), sessionId);
    } catch (ApiException notFound) {
      response.setStatusCode(HttpStatus.NOT_FOUND);
      return false;
    }
    if (!session.status().open()) {
      response.setStatusCode(HttpStatus.CONFLICT);
      return false;
    }
    attributes.put(SESSION, session);
    attributes.put(CALLER, caller);
    log.info("Call socket admitted for session {} of user {}", sessionId, caller.userId());
    return true;
  }

  @Override
  public void afterHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      @Nullable Exception failure) {}

  private static @Nullable UUID sessionId(String path) {
    String last = path.substring(path.lastIndexOf('/') + 1);
    try {
      return UUID.fromString(last);
    } catch (IllegalArgumentException notAUuid) {
      return null;
    }
  }
}
