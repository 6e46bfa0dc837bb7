package io.dealflow.gateway.health;

import io.dealflow.gateway.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

  @Bean
  SuiteHealth suiteHealth(
      GatewayProperties gateway, HealthProperties health, ReactiveRedisConnectionFactory redis) {
    return new SuiteHealth(gateway, health, redis);
  }
}
