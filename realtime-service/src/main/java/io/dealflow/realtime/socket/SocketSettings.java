package io.dealflow.realtime.socket;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Socket limits and timeouts ({@code dealflow.realtime.sockets.*}).
 *
 * @param pingInterval how often the server sends a WebSocket ping frame, so that proxies keep the
 *     connection and a dead peer is noticed
 * @param idleTimeout a socket that sends nothing (not even the pong to a ping) for this long is
 *     closed with 4408, at the next ping tick
 * @param authTimeout a socket that has not authenticated after this long is closed with 4401
 * @param outboundBuffer messages waiting for a slow client; past it the socket is closed with 1008
 * @param maxPerUser concurrent sockets of one user per endpoint, counted across every instance
 *     through {@code presence}
 * @param replay the per-organization buffer {@code /ws/events} replays after a reconnect
 * @param presence how the instances share their sockets' count in Redis
 */
@Validated
@ConfigurationProperties("dealflow.realtime.sockets")
public record SocketSettings(
    @DefaultValue("25s") Duration pingInterval,
    @DefaultValue("70s") Duration idleTimeout,
    @DefaultValue("10s") Duration authTimeout,
    @DefaultValue("1024") @Min(16) int outboundBuffer,
    @DefaultValue MaxPerUser maxPerUser,
    @DefaultValue Replay replay,
    @DefaultValue Presence presence) {

  /** The HelloSales seed allows 5 sockets per user, the Spotlight seed 10. */
  public record MaxPerUser(
      @DefaultValue("5") @Min(1) int hellosales,
      @DefaultValue("10") @Min(1) int events,
      @DefaultValue("10") @Min(1) int cable) {

    public int of(SocketEndpoint endpoint) {
      return switch (endpoint) {
        case HELLOSALES -> hellosales;
        case EVENTS -> events;
        case CABLE -> cable;
      };
    }
  }

  /**
   * @param maxEvents events kept per organization
   * @param maxAge events older than this are dropped from the buffer
   * @param overlap a resumed socket also receives the events this much older than its last seen one
   *     (by event time): events of different aggregates, or seen by different instances, can reach
   *     a socket in another order than their times, and a resume must not skip them
   */
  public record Replay(
      @DefaultValue("500") @Min(1) int maxEvents,
      @DefaultValue("15m") Duration maxAge,
      @DefaultValue("5s") Duration overlap) {}

  /**
   * Each instance keeps one Redis entry per socket, renewed every {@code refreshInterval} and
   * dropped when the socket closes; the entries of an instance that stops without closing its
   * sockets (a crash) stop counting {@code ttl} after its last renewal.
   *
   * @param refreshInterval how often an instance renews the entries of its open sockets
   * @param ttl how long an entry counts without a renewal; longer than {@code refreshInterval}
   * @param timeout how long a socket's admission waits for Redis before it counts on this instance
   *     only
   */
  public record Presence(
      @DefaultValue("30s") Duration refreshInterval,
      @DefaultValue("90s") Duration ttl,
      @DefaultValue("1s") Duration timeout) {

    public Presence {
      if (ttl.compareTo(refreshInterval) <= 0) {
        throw new IllegalArgumentException(
            "dealflow.realtime.sockets.presence.ttl ("
                + ttl
                + ") must be longer than presence.refresh-interval ("
                + refreshInterval
                + ")");
      }
    }
  }
}
