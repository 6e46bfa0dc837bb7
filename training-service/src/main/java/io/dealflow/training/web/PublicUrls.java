package io.dealflow.training.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The address a client reached the suite at, from the forwarding headers the gateway (or any proxy
 * in front of it) sets, else from the request itself: {@code websocket_url} must be one the client
 * can open.
 */
public final class PublicUrls {

  private PublicUrls() {}

  /** e.g. {@code wss://api.example.com/ws/voice/{id}} for a client that came by HTTPS. */
  public static String socket(HttpServletRequest request, String path) {
    return url(request, path, true);
  }

  /** e.g. {@code https://api.example.com/api/v1/voice/audio/{id}}. */
  public static String http(HttpServletRequest request, String path) {
    return url(request, path, false);
  }

  private static String url(HttpServletRequest request, String path, boolean socket) {
    String proto = first(request.getHeader("X-Forwarded-Proto"));
    String host = first(request.getHeader("X-Forwarded-Host"));
    String port = first(request.getHeader("X-Forwarded-Port"));
    if (proto == null) {
      proto = request.getScheme();
    }
    if (host == null) {
      host = request.getHeader("Host");
      port = null;
    }
    if (host == null) {
      host = request.getServerName() + ":" + request.getServerPort();
    }
    boolean secure =
        proto.toLowerCase(Locale.ROOT).equals("https")
            || proto.toLowerCase(Locale.ROOT).equals("wss");
    if (port != null && !host.contains(":") && !isDefault(port, secure)) {
      host = host + ":" + port;
    }
    String scheme = socket ? (secure ? "wss://" : "ws://") : (secure ? "https://" : "http://");
    return scheme + host + path;
  }

  private static boolean isDefault(String port, boolean secure) {
    return secure ? port.equals("443") : port.equals("80");
  }

  private static @Nullable String first(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    int comma = header.indexOf(',');
    return (comma < 0 ? header : header.substring(0, comma)).strip();
  }
}
