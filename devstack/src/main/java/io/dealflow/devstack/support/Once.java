package io.dealflow.devstack.support;

import io.dealflow.devstack.DevstackException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A value computed at most once per JVM. A failure is remembered too: resolving infrastructure can
 * take a minute before it fails, and every later caller (each test class, say) should get the same
 * explanation at once instead of waiting for it again.
 */
public final class Once<T> {

  private final Supplier<T> supplier;
  private @Nullable T value;
  private @Nullable RuntimeException failure;

  public Once(Supplier<T> supplier) {
    this.supplier = supplier;
  }

  public synchronized T get() {
    if (value != null) {
      return value;
    }
    if (failure != null) {
      throw new DevstackException(
          failure.getMessage() == null ? "" : failure.getMessage(), failure);
    }
    try {
      value = supplier.get();
      return value;
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    }
  }
}
