package io.dealflow.gateway.ratelimit;

import io.dealflow.gateway.route.RouteTable;
import io.dealflow.gateway.web.ClientAddresses;
import io.dealflow.gateway.web.GatewayErrors;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

  @Bean
  FixedWindowLimiter fixedWindowLimiter(
      ReactiveStringRedisTemplate redis,
      RateLimitProperties properties,
      Clock clock,
      MeterRegistry meters) {
    return new FixedWindowLimiter(
        redis,
        properties.keyPrefix(),
        properties.redisTimeout(),
        properties.redisRetry(),
        clock,
        meters);
  }

  @Bean
  RateLimitFilter rateLimitFilter(
      RateLimitProperties properties,
      FixedWindowLimiter limiter,
      RouteTable routes,
      ClientAddresses clients,
      GatewayErrors errors,
      Clock clock) {
    return new RateLimitFilter(properties, limiter, routes, clients, errors, clock);
  }
}
