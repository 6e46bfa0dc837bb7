package io.dealflow.devstack.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealflow.devstack.DevstackException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OnceTest {

  @Test
  void computesTheValueOnlyOnce() {
    AtomicInteger calls = new AtomicInteger();
    Once<String> once = new Once<>(() -> "value " + calls.incrementAndGet());

    assertThat(once.get()).isEqualTo("value 1");
    assertThat(once.get()).isEqualTo("value 1");
    assertThat(calls).hasValue(1);
  }

  @Test
  void remembersAFailureAndRepeatsItsMessageWithoutTryingAgain() {
    AtomicInteger calls = new AtomicInteger();
    Once<String> once =
        new Once<>(
            () -> {
              calls.incrementAndGet();
              throw new DevstackException("Redis: nothing on 127.0.0.1:6379");
            });

    assertThatThrownBy(once::get).hasMessage("Redis: nothing on 127.0.0.1:6379");
    assertThatThrownBy(once::get)
        .isInstanceOf(DevstackException.class)
        .hasMessage("Redis: nothing on 127.0.0.1:6379");
    assertThat(calls).hasValue(1);
  }
}
