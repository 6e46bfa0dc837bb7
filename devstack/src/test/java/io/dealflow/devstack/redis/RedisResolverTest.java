package io.dealflow.devstack.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealflow.devstack.DevstackException;
import io.dealflow.devstack.Redis;
import io.dealflow.devstack.Source;
import org.junit.jupiter.api.Test;

class RedisResolverTest {

  @Test
  void configuredUrlGivesHostPortAndPassword() {
    Redis redis = RedisResolver.parse("redis://:p%40ss@cache.internal:6380");

    assertThat(redis.host()).isEqualTo("cache.internal");
    assertThat(redis.port()).isEqualTo(6380);
    assertThat(redis.password()).isEqualTo("p@ss");
    assertThat(redis.source()).isEqualTo(Source.CONFIGURED);
    assertThat(redis.toString()).doesNotContain("p@ss");
  }

  @Test
  void portDefaultsTo6379() {
    assertThat(RedisResolver.parse("redis://cache").port()).isEqualTo(6379);
  }

  @Test
  void otherSchemesAreRefusedWithTheExpectedForm() {
    assertThatThrownBy(() -> RedisResolver.parse("http://cache:6379"))
        .isInstanceOf(DevstackException.class)
        .hasMessageContaining("redis://");
  }
}
