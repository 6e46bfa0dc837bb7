package io.dealflow.devstack.launch;

import io.dealflow.devstack.Devstack;
import io.dealflow.devstack.Kafka;
import io.dealflow.devstack.Keycloak;
import io.dealflow.devstack.Postgres;
import io.dealflow.devstack.Redis;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/** The four pieces of infrastructure every service gets. */
public record Infrastructure(Postgres postgres, Redis redis, Kafka kafka, Keycloak keycloak) {

  /**
   * Resolves all four at once (Keycloak alone can take half a minute) and reports every missing
   * piece together, so a fresh machine learns everything it lacks in one go.
   */
  public static Infrastructure resolve() {
    try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
      Future<Postgres> postgres = executor.submit(Devstack::postgres);
      Future<Redis> redis = executor.submit(Devstack::redis);
      Future<Kafka> kafka = executor.submit(Devstack::kafka);
      Future<Keycloak> keycloak = executor.submit(Devstack::keycloak);
      List<String> problems = new ArrayList<>();
      Postgres p = await(postgres, problems);
      Redis r = await(redis, problems);
      Kafka k = await(kafka, problems);
      Keycloak kc = await(keycloak, problems);
      if (!problems.isEmpty() || p == null || r == null || k == null || kc == null) {
        throw new StackStartException(
            "Infrastructure is missing:\n  - " + String.join("\n  - ", problems));
      }
      return new Infrastructure(p, r, k, kc);
    }
  }

  private static <T> @Nullable T await(Future<T> future, List<String> problems) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      problems.add(String.valueOf(cause.getMessage()));
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackStartException("Interrupted while resolving the infrastructure");
    }
  }
}
