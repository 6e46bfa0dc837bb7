package io.dealflow.realtime.socket.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RelayQueueTest {

  @Test
  void aMessageThatDoesNotFitIsRefusedAndNothingOfItIsQueued() {
    RelayQueue queue = new RelayQueue(10);

    assertThat(queue.offer("12345")).isTrue();
    assertThat(queue.offer("123456")).isFalse();
    assertThat(queue.offer("12345")).isTrue();
    queue.end();

    assertThat(queue.messages().collectList().block()).isEqualTo(List.of("12345", "12345"));
  }

  @Test
  void aWrittenMessageMakesRoomForTheNext() {
    RelayQueue queue = new RelayQueue(10);
    assertThat(queue.offer("1234567890")).isTrue();
    assertThat(queue.offer("1")).isFalse();

    queue.sent("1234567890");

    assertThat(queue.offer("1")).isTrue();
  }

  @Test
  void whatComesAfterTheEndIsDropped() {
    RelayQueue queue = new RelayQueue(10);
    queue.offer("1");
    queue.end();

    assertThat(queue.offer("2")).as("not an overflow").isTrue();
    assertThat(queue.messages().collectList().block()).isEqualTo(List.of("1"));
  }
}
