package io.dealflow.gateway.web;

import org.springframework.http.HttpHeaders;

/**
 * The HeliosCS security headers. Set on every response, errors and proxied answers alike; a value a
 * service sent is replaced, so one policy holds at the edge.
 */
public final class SecurityHeaders {

  private SecurityHeaders() {}

  public static void apply(HttpHeaders headers) {
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    headers.set("X-XSS-Protection", "1; mode=block");
    headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
}
