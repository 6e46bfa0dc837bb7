package io.dealflow.playbook.sailwind.identity;

import feign.FeignException;
import feign.RequestInterceptor;
import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.ErrorKind;
import io.dealflow.platform.tracing.TraceSpan;
import io.dealflow.platform.tracing.Traces;
import io.dealflow.playbook.sailwind.OrganizationMembers;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Membership as identity-service answers it. Its database, not the caller's token, is the truth: a
 * user added a moment ago counts, one removed a moment ago does not.
 */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = IdentityClient.class)
class IdentityMembers implements OrganizationMembers {

  private static final Logger log = LoggerFactory.getLogger(IdentityMembers.class);

  private final IdentityClient identity;

  IdentityMembers(IdentityClient identity) {
    this.identity = identity;
  }

  /**
   * Calls to identity-service carry the caller's trace ({@code traceparent} of the current span),
   * so identity's server span joins it; nothing is added with tracing off.
   */
  @Bean
  static RequestInterceptor traceToIdentity(Traces traces) {
    return template -> {
      String traceparent = traces.currentTraceparent();
      if (traceparent != null) {
        template.header(TraceSpan.HEADER, traceparent);
      }
    };
  }

  @Override
  public void requireMember(UUID orgId, UUID userId, String authorization) {
    try {
      identity.member(authorization, orgId, userId);
    } catch (FeignException.NotFound notAMember) {
      throw new ApiException(ErrorKind.NOT_FOUND, "User not found in this organization");
    } catch (FeignException.Unauthorized | FeignException.Forbidden refused) {
      log.warn("identity-service refused the membership check: {}", refused.status());
      throw new ApiException(
          ApiError.of(
                  ErrorKind.BAD_GATEWAY,
                  "identity-service refused to confirm the user's membership")
              .withCode("IDENTITY_REFUSED"));
    } catch (FeignException unavailable) {
      log.warn(
          "identity-service could not confirm membership of {} in {}: {}",
          userId,
          orgId,
          unavailable.getMessage());
      throw new ApiException(
          ApiError.of(
                  ErrorKind.UNAVAILABLE,
                  "identity-service is unavailable, so the user's membership can't be checked;"
                      + " try again shortly")
              .withMeta("service", "identity"));
    }
  }
}
