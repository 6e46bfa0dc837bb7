package io.dealflow.identity;

import io.dealflow.platform.security.Tenant;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}, which the gateway's Swagger UI shows. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

  static {
    // The caller is resolved from the token, not sent as a parameter.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Tenant.class);
  }

  @Bean
  OpenAPI identityApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Dealflow identity-service")
                .version("v1")
                .description(
                    "Sign-in (Keycloak), users, organizations (workspaces), memberships and"
                        + " profiles. Each path keeps its seed's wire format and error body:"
                        + " /api/v1/auth/** Trainer, /users/sign_in and /api/v1/user Spotlight,"
                        + " /api/v1/profile and /api/v1/orgs HelloSales, /api/v1/users/** and"
                        + " /api/v1/workspaces/** VectorOS."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("A Keycloak access token of the dealflow realm")));
  }
}
