package io.dealflow.platform.servlet;

import io.dealflow.platform.security.Tenant;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The OpenAPI document of a service that has springdoc ({@code /v3/api-docs}, which the gateway's
 * Swagger UI shows): titled after the service, described by {@code dealflow.api.description}, with
 * the {@code bearer} scheme its operations refer to. The caller's {@link Tenant} comes from the
 * token and is no documented parameter.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({OpenAPI.class, SpringDocUtils.class})
class ApiDocumentation {

  static final String BEARER = "bearer";

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Tenant.class);
  }

  @Bean
  @ConditionalOnMissingBean
  OpenAPI serviceApi(Environment environment) {
    String name = environment.getProperty("spring.application.name", "service");
    return new OpenAPI()
        .info(
            new Info()
                .title("Dealflow " + name)
                .version("v1")
                .description(environment.getProperty("dealflow.api.description", "")))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("A Keycloak access token of the dealflow realm")));
  }
}
