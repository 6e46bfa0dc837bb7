package io.dealflow.devstack.support;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JVM shutdown hook that stops what devstack started, newest first. Separate hooks would run
 * concurrently, so services could lose Keycloak or Kafka while they are still shutting down; a
 * single ordered list stops the services before the infrastructure they use.
 */
public final class Shutdown {

  private static final Logger log = LoggerFactory.getLogger(Shutdown.class);

  private static final Deque<Registration> registrations = new ArrayDeque<>();
  private static boolean hookInstalled;
  private static volatile boolean inProgress;

  private Shutdown() {}

  /** Runs {@code action} at JVM exit unless the returned registration is cancelled first. */
  public static synchronized Registration register(String name, AutoCloseable action) {
    if (!hookInstalled) {
      Runtime.getRuntime().addShutdownHook(new Thread(Shutdown::runAll, "devstack-shutdown"));
      hookInstalled = true;
    }
    Registration registration = new Registration(name, action);
    registrations.push(registration);
    return registration;
  }

  /** True once the JVM has begun to exit (Ctrl-C, SIGTERM, System.exit). */
  public static boolean inProgress() {
    return inProgress;
  }

  private static void runAll() {
    inProgress = true;
    while (true) {
      Registration next;
      synchronized (Shutdown.class) {
        next = registrations.poll();
      }
      if (next == null) {
        return;
      }
      try {
        next.action.close();
      } catch (Exception e) {
        log.warn("Stopping {} failed: {}", next.name, e.toString());
      }
    }
  }

  /** A pending shutdown action. */
  public static final class Registration {
    private final String name;
    private final AutoCloseable action;

    private Registration(String name, AutoCloseable action) {
      this.name = name;
      this.action = action;
    }

    public void cancel() {
      synchronized (Shutdown.class) {
        registrations.remove(this);
      }
    }
  }
}
