package io.dealflow.devstack;

import org.jspecify.annotations.Nullable;

/**
 * A Redis server.
 *
 * @param url {@code redis://host:port}, or the configured URL as given (it may carry a password)
 * @param password the password from a configured URL, if it had one
 */
public record Redis(String url, String host, int port, @Nullable String password, Source source) {

  public static Redis at(String host, int port, Source source) {
    return new Redis("redis://" + host + ":" + port, host, port, null, source);
  }

  @Override
  public String toString() {
    return "Redis[" + host + ":" + port + ", " + source + "]";
  }
}
