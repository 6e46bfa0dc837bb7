package io.dealflow.identity.events;

import io.dealflow.platform.event.EventType;
import java.util.List;

/** Every event identity-service publishes; each name is also its Kafka topic. */
public final class IdentityEvents {

  public static final EventType<UserRegistered> USER_REGISTERED =
      EventType.of("user.registered", UserRegistered.class);
  public static final EventType<OrgMemberAdded> ORG_MEMBER_ADDED =
      EventType.of("org.member.added", OrgMemberAdded.class);

  public static final List<EventType<?>> ALL = List.of(USER_REGISTERED, ORG_MEMBER_ADDED);

  private IdentityEvents() {}
}
