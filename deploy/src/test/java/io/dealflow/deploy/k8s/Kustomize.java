package io.dealflow.deploy.k8s;

import io.dealflow.deploy.Deployables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Renders the overlays of {@code k8s/} with {@code kubectl kustomize}, once per JVM each. */
final class Kustomize {

  static final List<String> OVERLAYS = List.of("dev", "production");

  private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

  private Kustomize() {}

  static Path k8s() {
    return Deployables.repositoryRoot().resolve("k8s");
  }

  static Rendered overlay(String name) {
    return CACHE.computeIfAbsent(name, Kustomize::render);
  }

  private static Rendered render(String overlay) {
    Path dir = k8s().resolve("overlays").resolve(overlay);
    ProcessResult result = run(List.of("kubectl", "kustomize", dir.toString()), dir, 120);
    if (result.exitCode() != 0) {
      throw new AssertionError(
          "kubectl kustomize "
              + dir
              + " failed (exit "
              + result.exitCode()
              + "):\n"
              + result.output());
    }
    List<Map<String, Object>> objects = new ArrayList<>();
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(50 * 1024 * 1024);
    for (Object document : new Yaml(options).loadAll(result.output())) {
      if (document instanceof Map<?, ?> map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        objects.add(object);
      }
    }
    return new Rendered(overlay, result.output(), List.copyOf(objects));
  }

  record ProcessResult(int exitCode, String output) {}

  static ProcessResult run(List<String> command, Path dir, int timeoutSeconds) {
    try {
      Process process =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in time");
      }
      return new ProcessResult(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(
          "Cannot run " + command.getFirst() + " (is it installed and on the PATH?): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while running " + command, e);
    }
  }

  /** One overlay's objects, as parsed from the rendered YAML. */
  record Rendered(String overlay, String yaml, List<Map<String, Object>> objects) {

    List<Map<String, Object>> ofKind(String kind) {
      return objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
      return ofKind(kind).stream().filter(object -> name.equals(name(object))).findFirst();
    }

    static String name(Map<String, Object> object) {
      return String.valueOf(Yamls.at(object, "metadata", "name"));
    }
  }
}
