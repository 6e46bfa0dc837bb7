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
 * JsonNaming} on the request type; nested paths ({@code user.name}) map each segment's leaf only.
 */
public final class WireNames {

  private WireNames() {}

  public static String of(@Nullable Class<?> type, String propertyPath) {
    if (type == null) {
      return propertyPath;
    }
    int dot = propertyPath.lastIndexOf('.');
    String prefix = dot < 0 ? "" : propertyPath.substring(0, dot + 1);
    String leaf = dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    Class<?> owner = dot < 0 ? type : ownerOf(type, propertyPath.substring(0, dot));
    return prefix + leafName(owner, leaf);
  }

  private static Class<?> ownerOf(Class<?> type, String path) {
    Class<?> current = type;
    for (String segment : path.split("\\.")) {
      String name = segment.replaceAll("\\[.*]", "");
      Field field = findField(current, name);
      if (field == null) {
        return current;
      }
      current = field.getType();
    }
    return current;
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
