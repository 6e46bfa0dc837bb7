package io.dealflow.platform.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Resolves a host name; the system's resolver in production, a fixed table in tests. */
@FunctionalInterface
public interface HostResolver {

  HostResolver SYSTEM = InetAddress::getAllByName;

  InetAddress[] resolve(String host) throws UnknownHostException;
}
