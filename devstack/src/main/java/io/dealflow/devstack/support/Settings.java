package io.dealflow.devstack.support;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads devstack settings by their environment-variable name ({@code DEALFLOW_POSTGRES_URL}). A
 * system property of the same name, or its dotted lower-case form ({@code dealflow.postgres.url}),
 * wins over the environment, so a test or an IDE run can override a variable without touching the
 * shell. Blank values count as absent.
 */
public final class Settings {

  private final Function<String, @Nullable String> properties;
  private final Function<String, @Nullable String> environment;

  private Settings(
      Function<String, @Nullable String> properties,
      Function<String, @Nullable String> environment) {
    this.properties = properties;
    this.environment = environment;
  }

  public static Settings system() {
    return new Settings(System::getProperty, System::getenv);
  }

  /** Settings from fixed values only, as if they were environment variables. */
  public static Settings of(Map<String, String> environment) {
    return new Settings(name -> null, environment::get);
  }

  public Optional<String> get(String name) {
    return firstNonBlank(
        properties.apply(name), properties.apply(dotted(name)), environment.apply(name));
  }

  public String get(String name, String fallback) {
    return get(name).orElse(fallback);
  }

  public boolean flag(String name, boolean fallback) {
    return get(name).map(value -> value.equalsIgnoreCase("true")).orElse(fallback);
  }

  static String dotted(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  private static Optional<String> firstNonBlank(@Nullable String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return Optional.of(value.strip());
      }
    }
    return Optional.empty();
  }
}
