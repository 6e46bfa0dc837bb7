package io.dealflow.playbook.events;

import io.dealflow.platform.event.EventType;
import java.util.List;

/** Every event playbook-service publishes; each name is also its Kafka topic. */
public final class PlaybookEvents {

  public static final EventType<StrategyApproved> STRATEGY_APPROVED =
      EventType.of("strategy.approved", StrategyApproved.class);

  public static final EventType<RepAssigned> REP_ASSIGNED =
      EventType.of("rep.assigned", RepAssigned.class);

  public static final EventType<PracticeSessionStarted> PRACTICE_SESSION_STARTED =
      EventType.of("practice.session.started", PracticeSessionStarted.class);

  public static final List<EventType<?>> ALL =
      List.of(STRATEGY_APPROVED, REP_ASSIGNED, PRACTICE_SESSION_STARTED);

  private PlaybookEvents() {}
}
