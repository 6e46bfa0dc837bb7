package io.dealflow.platform.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The name a request field has on the wire, so that validation errors point at {@code first_name},
 * not at the Java property {@code firstName}. Honours {@link JsonProperty} and a snake-case {@link
 * JsonNaming} on the request type; nested paths ({@code user.name}) map each segment by its own
 * owner's annotations.
 */
public final class WireNames {

  private WireNames() {}

  public static String of(@Nullable Class<?> type, String propertyPath) {
    if (type == null) {
      return propertyPath;
    }
    StringBuilder wire = new StringBuilder();
    Class<?> owner = type;
    for (String segment : propertyPath.split("\\.")) {
      if (!wire.isEmpty()) {
        wire.append('.');
      }
      wire.append(leafName(owner, segment));
      Field field = findField(owner, segment.replaceAll("\\[.*]", ""));
      owner = field == null ? owner : field.getType();
    }
    return wire.toString();
  }

  private static String leafName(Class<?> owner, String leaf) {
    String bare = leaf.replaceAll("\\[.*]", "");
    JsonProperty explicit = explicitName(owner, bare);
    if (explicit != null && !explicit.value().isEmpty()) {
      return leaf.replace(bare, explicit.value());
    }
    JsonNaming naming = owner.getAnnotation(JsonNaming.class);
    if (naming != null && naming.value() == PropertyNamingStrategies.SnakeCaseStrategy.class) {
      return leaf.replace(bare, bare.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase());
    }
    return leaf;
  }

  private static @Nullable JsonProperty explicitName(Class<?> owner, String name) {
    if (owner.isRecord()) {
      for (RecordComponent component : owner.getRecordComponents()) {
        if (component.getName().equals(name)) {
          JsonProperty onComponent = component.getAnnotation(JsonProperty.class);
          if (onComponent != null) {
            return onComponent;
          }
        }
      }
    }
    Field field = findField(owner, name);
    return field == null ? null : field.getAnnotation(JsonProperty.class);
  }

  private static @Nullable Field findField(Class<?> owner, String name) {
    for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        return c.getDeclaredField(name);
      } catch (NoSuchFieldException ignored) {
        // look in the superclass
      }
    }
    return null;
  }
}
