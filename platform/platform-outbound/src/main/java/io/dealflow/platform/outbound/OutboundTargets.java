package io.dealflow.platform.outbound;

import io.dealflow.platform.outbound.TargetRefusedException.Reason;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Keeps calls to user-given URLs (webhooks, CRM APIs) away from the suite's own network (SSRF): a
 * host that resolves to any loopback, private, link-local (cloud metadata included), unspecified,
 * multicast, carrier-grade NAT, IPv6 unique local or IPv4-mapped/compatible internal address is
 * refused, unless private targets are allowed (local development and tests only).
 *
 * <p>Checking a name and then letting a client resolve it again leaves a window in which DNS can
 * answer differently (DNS rebinding). {@link #resolve} therefore answers the checked addresses
 * themselves, and {@link OutboundHttp}'s client connects to those and to no other: one resolution
 * per connection, checked, used.
 */
public final class OutboundTargets {

  private final boolean allowPrivate;
  private final HostResolver resolver;

  /**
   * @param allowPrivate whether internal addresses may be called (development and tests)
   * @param resolver how host names are resolved ({@link HostResolver#SYSTEM} outside tests)
   */
  public OutboundTargets(boolean allowPrivate, HostResolver resolver) {
    this.allowPrivate = allowPrivate;
    this.resolver = resolver;
  }

  public OutboundTargets(boolean allowPrivate) {
    this(allowPrivate, HostResolver.SYSTEM);
  }

  public boolean allowsPrivate() {
    return allowPrivate;
  }

  /**
   * Checks a URL before it is saved or called: absolute http(s) with a host and no credentials,
   * whose host resolves to public addresses only.
   */
  public void check(URI url) throws TargetRefusedException {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new TargetRefusedException(
          Reason.INVALID_URL, "The URL must be an absolute http(s) URL with a host");
    }
    if (url.getRawUserInfo() != null) {
      throw new TargetRefusedException(Reason.INVALID_URL, "The URL must not carry credentials");
    }
    resolve(url.getHost());
  }

  /**
   * The host's addresses, resolved once, every one of them checked.
   *
   * @throws TargetRefusedException when the host does not resolve or any address is internal
   */
  public List<InetAddress> resolve(String host) throws TargetRefusedException {
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new TargetRefusedException(Reason.UNRESOLVED, "The host " + host + " does not resolve");
    }
    if (addresses == null || addresses.length == 0) {
      throw new TargetRefusedException(Reason.UNRESOLVED, "The host " + host + " does not resolve");
    }
    if (!allowPrivate) {
      for (InetAddress address : addresses) {
        if (isInternal(address)) {
          throw new TargetRefusedException(
              Reason.INTERNAL,
              "The host "
                  + host
                  + " resolves to "
                  + address.getHostAddress()
                  + ", an internal address; only public addresses may be called");
        }
      }
    }
    return List.of(addresses);
  }

  /** Whether an address belongs to a private, local or otherwise non-public network. */
  public static boolean isInternal(InetAddress address) {
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
      // 0.0.0.0/8 (this network), 100.64.0.0/10 (carrier-grade NAT), 192.0.0.0/24 (protocol
      // assignments) and 198.18.0.0/15 (benchmarking) are not covered by the checks above;
      // 240.0.0.0/4 (reserved) and 255.255.255.255 are not routable on the internet.
      return first == 0
          || (first == 100 && second >= 64 && second <= 127)
          || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
          || (first == 198 && (second == 18 || second == 19))
          || first >= 240;
    }
    if (address instanceof Inet6Address) {
      // fc00::/7 (unique local); isSiteLocalAddress only knows the deprecated fec0::/10.
      return (bytes[0] & 0xfe) == 0xfc || isEmbeddedInternalIpv4(bytes);
    }
    return false;
  }

  /**
   * An IPv6 address that carries an IPv4 one (mapped {@code ::ffff:a.b.c.d}, compatible {@code
   * ::a.b.c.d}, NAT64 {@code 64:ff9b::a.b.c.d}) is judged by its IPv4 address.
   */
  private static boolean isEmbeddedInternalIpv4(byte[] bytes) {
    boolean zeroPrefix = allZero(bytes, 0, 10);
    boolean mapped = zeroPrefix && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    boolean compatible = zeroPrefix && bytes[10] == 0 && bytes[11] == 0;
    boolean nat64 =
        (bytes[0] & 0xff) == 0x00
            && (bytes[1] & 0xff) == 0x64
            && (bytes[2] & 0xff) == 0xff
            && (bytes[3] & 0xff) == 0x9b
            && allZero(bytes, 4, 12);
    if (!mapped && !compatible && !nat64) {
      return false;
    }
    try {
      return isInternal(
          InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static boolean allZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
