package io.dealflow.platform.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The client's only resolver: answers the addresses {@link OutboundTargets} resolved and checked,
 * or refuses the host, so the connection is made to a checked address. The host name itself stays
 * the request's {@code Host} header, TLS SNI name and the name the certificate is verified against.
 */
final class CheckedDnsResolver implements DnsResolver {

  private final OutboundTargets targets;

  CheckedDnsResolver(OutboundTargets targets) {
    this.targets = targets;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    return targets.resolve(host).toArray(InetAddress[]::new);
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return resolve(host)[0].getCanonicalHostName();
  }
}
