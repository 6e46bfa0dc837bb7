package io.dealflow.realtime.socket;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
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
 * @param voiceOutboundBuffer the same on {@code /ws/voice/*}, whose messages carry the prospect's
 *     audio (up to {@code frames.transport-max} each), so fewer of them may wait
 * @param maxPerUser concurrent sockets of one user per endpoint, counted across every instance
 *     through {@code presence}
 * @param frames how large a message may be, per endpoint
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
    @DefaultValue("64") @Min(4) int voiceOutboundBuffer,
    @DefaultValue MaxPerUser maxPerUser,
    @DefaultValue Frames frames,
    @DefaultValue Replay replay,
    @DefaultValue Presence presence) {

  /** The messages a slow client may have waiting on this endpoint. */
  public int outboundBuffer(SocketEndpoint endpoint) {
    return endpoint == SocketEndpoint.VOICE ? voiceOutboundBuffer : outboundBuffer;
  }

  /**
   * The HelloSales seed allows 5 sockets per user, the Spotlight seed 10, the Trainer seed 5
   * WebSocket connections. HeliosCS names no limit; a support agent holds one chat socket per
   * customer session it serves at once, so the default is 10.
   */
  public record MaxPerUser(
      @DefaultValue("5") @Min(1) int hellosales,
      @DefaultValue("10") @Min(1) int events,
      @DefaultValue("10") @Min(1) int cable,
      @DefaultValue("5") @Min(1) int voice,
      @DefaultValue("10") @Min(1) int chat) {

    public int of(SocketEndpoint endpoint) {
      return switch (endpoint) {
        case HELLOSALES -> hellosales;
        case EVENTS -> events;
        case CABLE -> cable;
        case VOICE -> voice;
        case CHAT -> chat;
      };
    }
  }

  /**
   * Message sizes. {@code /ws} and {@code /ws/voice/*} carry base64 audio: their transport takes
   * frames (and fragmented messages) up to {@code transportMax} and the protocols check each
   * message against its own limit, answering an error and keeping the socket open. A message past
   * {@code transportMax} is refused by Netty, which closes the socket with 1009. {@code
   * /ws/events}, {@code /cable} and {@code /ws/chat/*} keep Netty's 64 KiB transport limit (1009
   * past it): their clients send small commands and chat lines only.
   *
   * @param transportMax the largest message the transport of {@code /ws} and {@code /ws/voice/*}
   *     takes in, and the largest frame taken from training-service for a voice call
   * @param hellosalesMessage any {@code /ws} message but {@code voice}
   * @param hellosalesVoice a {@code /ws} {@code voice} message (1 MiB: about 24 s of 16 kHz 16-bit
   *     mono WAV as base64)
   * @param voiceMessage a client message on {@code /ws/voice/*} (an audio chunk)
   * @param chatMessage a client message on {@code /ws/chat/*}: room for a chat line of 4000
   *     characters however it is encoded, within the 64 KiB transport
   */
  public record Frames(
      @DefaultValue("2MB") DataSize transportMax,
      @DefaultValue("64KB") DataSize hellosalesMessage,
      @DefaultValue("1MB") DataSize hellosalesVoice,
      @DefaultValue("256KB") DataSize voiceMessage,
      @DefaultValue("32KB") DataSize chatMessage) {

    /** Netty's own limit, kept where no audio travels. */
    public static final int SMALL_TRANSPORT = 65_536;

    public Frames {
      long largest = Math.max(hellosalesVoice.toBytes(), voiceMessage.toBytes());
      if (transportMax.toBytes() < largest || transportMax.toBytes() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "dealflow.realtime.sockets.frames.transport-max ("
                + transportMax
                + ") must hold the largest message limit ("
                + largest
                + "B) and fit an int");
      }
      if (chatMessage.toBytes() > SMALL_TRANSPORT) {
        throw new IllegalArgumentException(
            "dealflow.realtime.sockets.frames.chat-message ("
                + chatMessage
                + ") must fit the chat socket's transport ("
                + SMALL_TRANSPORT
                + "B)");
      }
    }

    /** The largest frame the endpoint's transport takes in. */
    public int transportMax(SocketEndpoint endpoint) {
      return switch (endpoint) {
        case HELLOSALES, VOICE -> (int) transportMax.toBytes();
        case EVENTS, CABLE, CHAT -> SMALL_TRANSPORT;
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
