package io.dealflow.devstack;

/** Where a piece of infrastructure came from, in the order devstack tries them. */
public enum Source {
  /** An explicitly configured address (environment variable or system property). */
  CONFIGURED,
  /** A server already listening on its default local port. */
  LOCAL,
  /** A Testcontainers container, started because Docker is available. */
  CONTAINER,
  /** Started by devstack inside or beside this JVM; stopped when the JVM exits. */
  EMBEDDED
}
