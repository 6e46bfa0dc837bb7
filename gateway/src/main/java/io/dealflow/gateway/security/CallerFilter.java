package io.dealflow.gateway.security;

import io.dealflow.gateway.web.Exchanges;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Records who is calling, once Spring Security has checked the token, for the steps that run after
 * it (rate limits) and around it (the access log).
 */
final class CallerFilter implements WebFilter, Ordered {

  /** Right after Spring Security's filter chain (order -100). */
  static final int ORDER = -90;

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return exchange
        .getPrincipal()
        .ofType(JwtAuthenticationToken.class)
        .doOnNext(
            authentication -> {
              Caller caller = Caller.of(authentication.getToken());
              exchange.getAttributes().put(Caller.ATTRIBUTE, caller);
              exchange.getAttributes().put(Exchanges.SUBJECT, caller.subject());
            })
        .then(chain.filter(exchange));
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
