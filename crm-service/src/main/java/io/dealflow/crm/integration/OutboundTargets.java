package io.dealflow.crm.integration;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which URLs an integration may call. A base URL comes from a user, so without this check it could
 * point the service at internal addresses (SSRF): only HTTPS to public addresses is allowed, unless
 * {@code dealflow.crm.integrations.allow-private-targets} is on (development, tests). The host is
 * resolved again before every sync, so a name that later resolves inward is refused then.
 */
@Component
public class OutboundTargets {

  private final boolean allowPrivate;

  OutboundTargets(IntegrationsProperties properties) {
    this.allowPrivate = properties.allowPrivateTargets();
  }

  /** Why the URL may not be called, or empty when it may. */
  public Optional<String> refusal(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost();
    if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
      return Optional.of("must be an absolute http(s) URL");
    }
    if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
      return Optional.of("must not carry credentials, a query or a fragment");
    }
    if (allowPrivate) {
      return Optional.empty();
    }
    if (!scheme.equals("https")) {
      return Optional.of("must use https");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return Optional.of("names a host that does not resolve: " + host);
    }
    for (InetAddress address : addresses) {
      if (isInternal(address)) {
        return Optional.of("points at a private, loopback or link-local address");
      }
    }
    return Optional.empty();
  }

  private static boolean isInternal(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    // IPv6 unique local addresses (fc00::/7) and IPv4 carrier-grade NAT (100.64.0.0/10) are private
    // too, though the JDK does not call them site-local.
    if (bytes.length == 16) {
      return (bytes[0] & 0xfe) == 0xfc;
    }
    return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
  }
}
