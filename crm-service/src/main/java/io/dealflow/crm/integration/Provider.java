package io.dealflow.crm.integration;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where an integration's records come from; its id is also the {@code source} of what it syncs. */
public enum Provider {
  HUBSPOT,
  CSV;

  public static final String NAMES =
      Arrays.stream(values()).map(Provider::id).collect(Collectors.joining(", "));

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Provider> fromId(String id) {
    for (Provider provider : values()) {
      if (provider.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(provider);
      }
    }
    return Optional.empty();
  }
}
