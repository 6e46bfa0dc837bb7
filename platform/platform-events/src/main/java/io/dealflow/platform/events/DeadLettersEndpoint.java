package io.dealflow.platform.events;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/deadletters}: an operator lists the dead letters ({@code ?all=true} includes
 * replayed ones) and replays one with {@code POST /actuator/deadletters/{id}}. Dead letters cross
 * organizations: like every actuator path but health, info and metrics, it needs the {@code
 * operator} realm role (an organization's admin gets 403), and it answers on the management port.
 */
@Endpoint(id = "deadletters")
final class DeadLettersEndpoint {

  private final DeadLetters deadLetters;

  DeadLettersEndpoint(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  @ReadOperation
  List<DeadLetters.DeadLetter> list(@Nullable Boolean all, @Nullable Integer limit) {
    return deadLetters.list(!Boolean.TRUE.equals(all), limit == null ? 100 : limit);
  }

  @ReadOperation
  DeadLetters.@Nullable DeadLetter get(@Selector UUID id) {
    return deadLetters.find(id).orElse(null);
  }

  @WriteOperation
  DeadLetters.@Nullable DeadLetter replay(@Selector UUID id) {
    return deadLetters.replay(id).orElse(null);
  }
}
