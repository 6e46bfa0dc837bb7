package io.dealflow.realtime.socket.chat;

import io.dealflow.realtime.socket.SocketJson;
import io.dealflow.realtime.socket.SocketSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.ReactiveSubscription;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import tools.jackson.databind.node.ObjectNode;

/**
 * The chat sockets of every instance, by support session. A session's sockets may be held by
 * different instances (a customer on one, the agent on another): what one socket says to the others
 * of its session (typing, presence, an agent joining) is handed at once to this instance's sockets
 * of the session and published on the Redis channel {@value #CHANNEL}, which every instance listens
 * to and hands on to its own sockets of that session and organization. Messages and escalations do
 * not travel here: each instance receives those events from Kafka itself.
 *
 * <p>Nothing here is kept in Redis: a socket's presence is told when it joins and when it leaves,
 * and a joining socket is told who is there by the sockets already in the session, wherever they
 * are held. Redis unavailable: the sockets of one session on this instance still hear each other;
 * it is logged once, and once more when Redis answers again.
 */
@Component
class ChatRooms implements SmartLifecycle {

  /** The channel all instances share for what chat sockets say to each other. */
  static final String CHANNEL = "dealflow:realtime:chat";

  private static final Logger log = LoggerFactory.getLogger(ChatRooms.class);

  /** How long starting waits for the channel's subscription before it goes on without it. */
  private static final Duration SUBSCRIBE_WAIT = Duration.ofSeconds(2);

  /** A signal for every socket of the session. */
  private static final String TO_ALL = "all";

  /** A signal for every socket of the session but the one named in it (its sender). */
  private static final String TO_OTHERS = "others";

  /** A socket joined: delivered to the others, who each answer its socket with their presence. */
  private static final String JOINED = "joined";

  /** A signal for the one socket named in it. */
  private static final String TO_ONE = "one";

  /**
   * One socket in a chat session.
   *
   * @param socket the socket's id across instances ({@code <instance>:<number>})
   * @param sessionId the support session
   * @param orgId the organization of the socket's user (and of the session)
   * @param userId the socket's user
   * @param agent whether the user is staff of the organization (agent, manager or admin)
   * @param send queues a frame to the socket
   */
  record Member(
      String socket,
      UUID sessionId,
      UUID orgId,
      UUID userId,
      boolean agent,
      Consumer<String> send) {

    /** The role shown to the others: {@code agent} for staff, {@code customer} otherwise. */
    String role() {
      return agent ? "agent" : "customer";
    }
  }

  private final Map<UUID, Set<Member>> bySession = new ConcurrentHashMap<>();
  private final ReactiveStringRedisTemplate redis;
  private final ReactiveRedisConnectionFactory connections;
  private final Duration timeout;
  private final String instance = UUID.randomUUID().toString();
  private final AtomicLong sockets = new AtomicLong();
  private final AtomicBoolean unavailable = new AtomicBoolean();
  private volatile @Nullable Disposable listening;

  ChatRooms(
      ReactiveStringRedisTemplate redis,
      ReactiveRedisConnectionFactory connections,
      SocketSettings settings) {
    this.redis = redis;
    this.connections = connections;
    this.timeout = settings.presence().timeout();
  }

  /** An id for a new chat socket, unique across instances. */
  String nextSocket() {
    return instance + ":" + sockets.incrementAndGet();
  }

  /**
   * Adds the socket to its session. Every socket of the session, the joiner included, hears that it
   * is online; the joiner hears the presence of each socket already there.
   */
  void join(Member joiner) {
    bySession.compute(
        joiner.sessionId(),
        (session, members) -> {
          Set<Member> joined = members == null ? ConcurrentHashMap.newKeySet() : members;
          joined.add(joiner);
          return joined;
        });
    String online = ChatMessages.presence(joiner, ChatMessages.ONLINE);
    deliver(joiner.sessionId(), joiner.orgId(), online, null);
    answerJoin(joiner.sessionId(), joiner.orgId(), joiner.socket(), joiner.send());
    publish(JOINED, joiner.sessionId(), joiner.orgId(), joiner.socket(), online);
  }

  /** Removes the socket from its session; the others hear that it is offline. */
  void leave(Member leaver) {
    bySession.computeIfPresent(
        leaver.sessionId(),
        (session, members) -> {
          members.remove(leaver);
          return members.isEmpty() ? null : members;
        });
    toOthers(leaver, ChatMessages.presence(leaver, ChatMessages.OFFLINE));
  }

  /** A frame for every socket of the member's session but its own. */
  void toOthers(Member from, String frame) {
    deliver(from.sessionId(), from.orgId(), frame, from.socket());
    publish(TO_OTHERS, from.sessionId(), from.orgId(), from.socket(), frame);
  }

  /** A frame for every socket of the member's session, its own included. */
  void toAll(Member from, String frame) {
    deliver(from.sessionId(), from.orgId(), frame, null);
    publish(TO_ALL, from.sessionId(), from.orgId(), from.socket(), frame);
  }

  private void deliver(UUID sessionId, UUID orgId, String frame, @Nullable String except) {
    Set<Member> members = bySession.get(sessionId);
    if (members == null) {
      return;
    }
    for (Member member : members) {
      if (member.orgId().equals(orgId) && !member.socket().equals(except)) {
        member.send().accept(frame);
      }
    }
  }

  /** This instance's sockets of the session tell a joining socket that they are there. */
  private void answerJoin(
      UUID sessionId, UUID orgId, String joiner, @Nullable Consumer<String> localJoiner) {
    Set<Member> members = bySession.get(sessionId);
    if (members == null) {
      return;
    }
    for (Member member : members) {
      if (!member.orgId().equals(orgId) || member.socket().equals(joiner)) {
        continue;
      }
      String present = ChatMessages.presence(member, ChatMessages.ONLINE);
      if (localJoiner != null) {
        localJoiner.accept(present);
      } else {
        publish(TO_ONE, sessionId, orgId, joiner, present);
      }
    }
  }

  private void publish(String kind, UUID sessionId, UUID orgId, String socket, String frame) {
    ObjectNode signal = SocketJson.object();
    signal.put("origin", instance);
    signal.put("kind", kind);
    signal.put("session_id", sessionId.toString());
    signal.put("org_id", orgId.toString());
    signal.put("socket", socket);
    signal.put("frame", frame);
    redis
        .convertAndSend(CHANNEL, SocketJson.write(signal))
        .timeout(timeout)
        .subscribe(receivers -> available(), this::unavailable);
  }

  /** A signal another instance published: handed to this instance's sockets it concerns. */
  void received(String message) {
    ObjectNode signal = SocketJson.readObject(message);
    if (signal == null || instance.equals(SocketJson.text(signal, "origin"))) {
      return;
    }
    String kind = SocketJson.text(signal, "kind");
    UUID sessionId = uuid(SocketJson.text(signal, "session_id"));
    UUID orgId = uuid(SocketJson.text(signal, "org_id"));
    String socket = SocketJson.text(signal, "socket");
    String frame = SocketJson.text(signal, "frame");
    if (kind == null || sessionId == null || orgId == null || socket == null || frame == null) {
      return;
    }
    switch (kind) {
      case TO_ALL -> deliver(sessionId, orgId, frame, null);
      case TO_OTHERS -> deliver(sessionId, orgId, frame, socket);
      case JOINED -> {
        deliver(sessionId, orgId, frame, socket);
        answerJoin(sessionId, orgId, socket, null);
      }
      case TO_ONE -> {
        Set<Member> members = bySession.get(sessionId);
        if (members != null) {
          members.stream()
              .filter(member -> member.socket().equals(socket) && member.orgId().equals(orgId))
              .forEach(member -> member.send().accept(frame));
        }
      }
      default -> {
        // A kind a newer instance publishes: not this instance's concern.
      }
    }
  }

  /**
   * Listens to the channel, waiting a moment for the subscription so that an instance that serves
   * sockets hears the others from the start; Redis unavailable, it keeps trying in the background.
   * Each attempt has a listener container of its own (its connection is opened as it is made),
   * destroyed when the attempt ends.
   */
  @Override
  public void start() {
    Sinks.Empty<Void> subscribed = Sinks.empty();
    this.listening =
        Flux.using(
                () -> new ReactiveRedisMessageListenerContainer(connections),
                listener ->
                    listener
                        .receiveLater(ChannelTopic.of(CHANNEL))
                        .doOnNext(
                            active -> {
                              subscribed.tryEmitEmpty();
                              available();
                            })
                        .flatMapMany(messages -> messages),
                listener -> listener.destroyLater().subscribe(done -> {}, failure -> {}))
            // Off the starting thread: making a container connects, and a silent Redis would hold
            // the start for the whole connect timeout.
            .subscribeOn(Schedulers.boundedElastic())
            .map(ReactiveSubscription.Message::getMessage)
            // A subscription that ends while the instance runs is taken up again, as a failure is.
            .concatWith(Mono.error(() -> new IllegalStateException("chat channel unsubscribed")))
            .retryWhen(
                Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500))
                    .maxBackoff(Duration.ofSeconds(10))
                    .doBeforeRetry(retry -> unavailable(retry.failure())))
            .subscribe(this::received);
    subscribed.asMono().timeout(SUBSCRIBE_WAIT, Mono.empty()).block();
  }

  @Override
  public void stop() {
    Disposable running = listening;
    listening = null;
    if (running != null) {
      running.dispose();
    }
  }

  @Override
  public boolean isRunning() {
    return listening != null;
  }

  /**
   * Listening starts before the web server takes sockets and stops after it, and after the socket
   * registry has closed this instance's sockets (whose leaving is still published).
   */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 2048;
  }

  private void available() {
    if (unavailable.compareAndSet(true, false)) {
      log.info("The chat channel in Redis is available again: chat sockets hear every instance");
    }
  }

  private void unavailable(Throwable failure) {
    if (unavailable.compareAndSet(false, true)) {
      log.warn(
          "The chat channel in Redis is unavailable ({}): typing and presence reach this"
              + " instance's chat sockets only until it is back",
          failure.toString());
    }
  }

  private static @Nullable UUID uuid(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException notAUuid) {
      return null;
    }
  }
}
