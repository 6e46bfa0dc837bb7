package io.dealflow.realtime.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.springframework.stereotype.Component;

/**
 * Keeps webhooks away from the suite's own network (SSRF): a target whose host resolves to any
 * loopback, private, link-local (cloud metadata included), unspecified, multicast or carrier-grade
 * NAT address is refused, unless {@code allow-private-targets} is on. Checked when an endpoint is
 * saved and again right before every attempt, because DNS answers change.
 */
@Component
class TargetGuard {

  /** Why a target was refused; the message is safe to show to the endpoint's owner. */
  static final class TargetNotAllowed extends Exception {
    TargetNotAllowed(String message) {
      super(message);
    }
  }

  private final boolean allowPrivateTargets;

  TargetGuard(WebhookProperties properties) {
    this.allowPrivateTargets = properties.allowPrivateTargets();
  }

  void check(URI target) throws TargetNotAllowed {
    String host = target.getHost();
    if (host == null) {
      throw new TargetNotAllowed("The URL has no host");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new TargetNotAllowed("The host " + host + " does not resolve");
    }
    if (allowPrivateTargets) {
      return;
    }
    for (InetAddress address : addresses) {
      if (isInternal(address)) {
        throw new TargetNotAllowed(
            "The host "
                + host
                + " resolves to "
                + address.getHostAddress()
                + ", an internal address; webhooks go to public addresses only");
      }
    }
  }

  static boolean isInternal(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = bytes[0] & 0xff;
      int second = bytes[1] & 0xff;
      // 100.64.0.0/10 (carrier-grade NAT) and 0.0.0.0/8 are not covered by the checks above.
      return (first == 100 && second >= 64 && second <= 127) || first == 0;
    }
    if (address instanceof Inet6Address) {
      // fc00::/7 (unique local); isSiteLocalAddress only knows the deprecated fec0::/10.
      return (bytes[0] & 0xfe) == 0xfc || isMappedInternalIpv4(bytes);
    }
    return false;
  }

  /** An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is judged by its IPv4 address. */
  private static boolean isMappedInternalIpv4(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    if ((bytes[10] & 0xff) != 0xff || (bytes[11] & 0xff) != 0xff) {
      return false;
    }
    try {
      return isInternal(
          InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
