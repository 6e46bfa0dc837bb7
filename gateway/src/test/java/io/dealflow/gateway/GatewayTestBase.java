package io.dealflow.gateway;

import io.dealflow.devstack.Devstack;
import io.dealflow.devstack.Redis;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway with the real Redis from devstack. Every test class extends this one unchanged, so
 * they all share one Spring context.
 */
public abstract class GatewayTestBase extends RunningGateway {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Redis redis = Devstack.redis();
    registry.add("spring.data.redis.host", redis::host);
    registry.add("spring.data.redis.port", redis::port);
    if (redis.password() != null) {
      registry.add("spring.data.redis.password", redis::password);
    }
    gateway(registry);
  }
}
