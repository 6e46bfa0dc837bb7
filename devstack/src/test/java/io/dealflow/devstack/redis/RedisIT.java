package io.dealflow.devstack.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.devstack.Devstack;
import io.dealflow.devstack.Redis;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class RedisIT {

  @Test
  void resolvedRedisAnswersPing() throws IOException {
    Redis redis = Devstack.redis();

    assertThat(RedisPing.ping(redis.host(), redis.port(), redis.password(), false))
        .isEqualTo("+PONG");
    assertThat(redis.url()).startsWith("redis://");
  }

  @Test
  void resolvingAgainGivesTheSameRedis() {
    assertThat(Devstack.redis()).isSameAs(Devstack.redis());
  }
}
