package io.dealflow.platform.reactive;

import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.ErrorKind;
import io.dealflow.platform.security.Tenant;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Lets a controller method declare a {@link Tenant} parameter for the authenticated caller. */
final class TenantArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return Tenant.class.equals(parameter.getParameterType());
  }

  @Override
  public Mono<Object> resolveArgument(
      MethodParameter parameter, BindingContext bindingContext, ServerWebExchange exchange) {
    return ReactiveSecurityContextHolder.getContext()
        .map(SecurityContext::getAuthentication)
        .filter(JwtAuthenticationToken.class::isInstance)
        .<Object>map(
            authentication -> Tenant.of(((JwtAuthenticationToken) authentication).getToken()))
        .switchIfEmpty(
            Mono.error(
                () -> new ApiException(ErrorKind.UNAUTHENTICATED, "Authentication required")));
  }
}
