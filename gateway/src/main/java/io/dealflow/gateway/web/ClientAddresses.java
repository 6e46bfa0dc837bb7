package io.dealflow.gateway.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Who the client is at the network level. The TCP peer is the client unless it is one of the
 * configured trusted proxies; then {@code X-Forwarded-For} is read from the right, skipping trusted
 * proxies, and the first other address is the client. Anything a client could forge is ignored, so
 * rate limits keyed by address cannot be dodged with a made-up header.
 */
public final class ClientAddresses {

  public static final String X_FORWARDED_FOR = "X-Forwarded-For";

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final List<Range> trusted;

  public ClientAddresses(List<String> trustedProxies) {
    List<Range> ranges = new ArrayList<>();
    for (String entry : trustedProxies) {
      ranges.add(Range.parse(entry.trim()));
    }
    this.trusted = List.copyOf(ranges);
  }

  /** The client's address, or {@code unknown} when the server saw none. */
  public String clientIp(ServerHttpRequest request) {
    String peer = peer(request);
    if (peer == null) {
      return "unknown";
    }
    if (!isTrusted(peer)) {
      return peer;
    }
    List<String> chain = forwardedChain(request);
    for (int i = chain.size() - 1; i >= 0; i--) {
      String hop = chain.get(i);
      if (literal(hop).isEmpty()) {
        return peer;
      }
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return chain.isEmpty() ? peer : chain.getFirst();
  }

  /**
   * The {@code X-Forwarded-For} value to send downstream: the incoming chain when the peer is a
   * trusted proxy (it vouches for it), then the peer itself.
   */
  public String forwardedFor(ServerHttpRequest request) {
    String peer = peer(request);
    List<String> hops = new ArrayList<>();
    if (peer != null && isTrusted(peer)) {
      hops.addAll(forwardedChain(request));
    }
    if (peer != null) {
      hops.add(peer);
    }
    return String.join(", ", hops);
  }

  public boolean isPeerTrusted(ServerHttpRequest request) {
    String peer = peer(request);
    return peer != null && isTrusted(peer);
  }

  boolean isTrusted(String address) {
    Optional<InetAddress> parsed = literal(address);
    return parsed.isPresent() && trusted.stream().anyMatch(range -> range.contains(parsed.get()));
  }

  private static @Nullable String peer(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    if (remote == null) {
      return null;
    }
    return remote.getAddress() != null
        ? remote.getAddress().getHostAddress()
        : remote.getHostString();
  }

  private static List<String> forwardedChain(ServerHttpRequest request) {
    List<String> hops = new ArrayList<>();
    for (String header : request.getHeaders().getOrEmpty(X_FORWARDED_FOR)) {
      for (String hop : header.split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.trim());
        }
      }
    }
    return hops;
  }

  /** Parses IP literals only: a host name here would make the JDK resolve it through DNS. */
  static Optional<InetAddress> literal(String address) {
    String bare =
        address.startsWith("[") && address.endsWith("]")
            ? address.substring(1, address.length() - 1)
            : address;
    if (!IPV4.matcher(bare).matches() && !IPV6.matcher(bare).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(bare));
    } catch (UnknownHostException notAnAddress) {
      return Optional.empty();
    }
  }

  /** An address range in CIDR notation; a bare address is a range of one. */
  private record Range(byte[] network, int prefixBits) {

    static Range parse(String cidr) {
      int slash = cidr.indexOf('/');
      String address = slash < 0 ? cidr : cidr.substring(0, slash);
      InetAddress parsed =
          literal(address)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "dealflow.gateway.trusted-proxies: not an IP address or CIDR range: "
                              + cidr));
      byte[] bytes = parsed.getAddress();
      int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
      if (bits < 0 || bits > bytes.length * 8) {
        throw new IllegalArgumentException(
            "dealflow.gateway.trusted-proxies: bad prefix length in " + cidr);
      }
      return new Range(bytes, bits);
    }

    boolean contains(InetAddress address) {
      byte[] candidate = address.getAddress();
      if (candidate.length != network.length) {
        return false;
      }
      int fullBytes = prefixBits / 8;
      for (int i = 0; i < fullBytes; i++) {
        if (candidate[i] != network[i]) {
          return false;
        }
      }
      int rest = prefixBits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }
  }
}
