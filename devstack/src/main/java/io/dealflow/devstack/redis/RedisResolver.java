package io.dealflow.devstack.redis;

import io.dealflow.devstack.DevstackException;
import io.dealflow.devstack.Redis;
import io.dealflow.devstack.Source;
import io.dealflow.devstack.support.Docker;
import io.dealflow.devstack.support.Probes;
import io.dealflow.devstack.support.Settings;
import io.dealflow.devstack.support.Shutdown;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Resolves Redis. Like PostgreSQL, it has no embedded fallback; see the error for how to start one.
 */
public final class RedisResolver {

  public static final String URL = "DEALFLOW_REDIS_URL";

  static final String LOCAL_HOST = "127.0.0.1";
  static final int LOCAL_PORT = 6379;
  static final String IMAGE = "redis:7.4-alpine";

  private static final Logger log = LoggerFactory.getLogger(RedisResolver.class);

  private RedisResolver() {}

  public static Redis resolve(Settings settings) {
    var configured = settings.get(URL);
    if (configured.isPresent()) {
      Redis redis = parse(configured.get());
      String reply = ping(redis, configured.get());
      if (!reply.startsWith("+PONG")) {
        throw new DevstackException(
            "Redis: %s=%s is set, but PING answered %s".formatted(URL, configured.get(), reply));
      }
      log.info("Redis: {}:{} (CONFIGURED via {})", redis.host(), redis.port(), URL);
      return redis;
    }

    if (Probes.listening(LOCAL_HOST, LOCAL_PORT)) {
      Redis redis = Redis.at(LOCAL_HOST, LOCAL_PORT, Source.LOCAL);
      String reply = ping(redis, redis.url());
      if (reply.startsWith("-NOAUTH") || reply.startsWith("-WRONGPASS")) {
        throw new DevstackException(
            "Redis: the server on %s:%d wants a password. Set %s=redis://:PASSWORD@%s:%d."
                .formatted(LOCAL_HOST, LOCAL_PORT, URL, LOCAL_HOST, LOCAL_PORT));
      }
      if (!reply.startsWith("+PONG")) {
        throw new DevstackException(
            "Redis: something listens on %s:%d but answered PING with %s. Free the port or set %s."
                .formatted(LOCAL_HOST, LOCAL_PORT, reply, URL));
      }
      log.info("Redis: local server on {}:{} (LOCAL)", LOCAL_HOST, LOCAL_PORT);
      return redis;
    }

    if (Docker.available(settings)) {
      GenericContainer<?> container =
          new GenericContainer<>(DockerImageName.parse(IMAGE)).withExposedPorts(LOCAL_PORT);
      container.start();
      Shutdown.register("Redis container", container::stop);
      Redis redis =
          Redis.at(container.getHost(), container.getMappedPort(LOCAL_PORT), Source.CONTAINER);
      log.info("Redis: container {} on {}:{} (CONTAINER)", IMAGE, redis.host(), redis.port());
      return redis;
    }

    throw new DevstackException(
        ("Redis: nothing at %s (not set), nothing on %s:%d, no Docker. Start one: `apt-get install"
                + " redis-server && service redis-server start` (Debian/Ubuntu), `redis-server"
                + " --daemonize yes` if it is installed, `brew services start redis` (macOS), or"
                + " point %s=redis://host:port at a server.")
            .formatted(URL, LOCAL_HOST, LOCAL_PORT, URL));
  }

  static Redis parse(String url) {
    URI uri = URI.create(url);
    if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
      throw new DevstackException(
          "Redis: %s must look like redis://[:password@]host:port, not %s".formatted(URL, url));
    }
    String host = uri.getHost() == null ? "localhost" : uri.getHost();
    int port = uri.getPort() < 0 ? LOCAL_PORT : uri.getPort();
    return new Redis(url, host, port, password(uri.getRawUserInfo()), Source.CONFIGURED);
  }

  private static @Nullable String password(@Nullable String userInfo) {
    if (userInfo == null) {
      return null;
    }
    int colon = userInfo.indexOf(':');
    String raw = colon < 0 ? userInfo : userInfo.substring(colon + 1);
    return raw.isEmpty() ? null : URLDecoder.decode(raw, StandardCharsets.UTF_8);
  }

  private static String ping(Redis redis, String shownAs) {
    try {
      return RedisPing.ping(
          redis.host(), redis.port(), redis.password(), redis.url().startsWith("rediss:"));
    } catch (IOException e) {
      throw new DevstackException(
          "Redis: cannot reach %s: %s".formatted(shownAs, e.getMessage()), e);
    }
  }
}
