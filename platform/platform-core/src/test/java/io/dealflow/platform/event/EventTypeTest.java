package io.dealflow.platform.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventTypeTest {

  record Payload(int n) {}

  @Test
  void nameIsTheTopic() {
    assertThat(EventType.of("deal.stage.changed", Payload.class).topic())
        .isEqualTo("deal.stage.changed");
  }

  @Test
  void namesThatAreNoDottedLowerCaseWordsAreRefused() {
    assertThatThrownBy(() -> EventType.of("Deal.Won", Payload.class))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EventType.of("deal", Payload.class))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EventType.of("deal won", Payload.class))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
