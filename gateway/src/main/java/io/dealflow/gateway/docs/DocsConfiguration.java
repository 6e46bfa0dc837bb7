package io.dealflow.gateway.docs;

import io.dealflow.gateway.GatewayProperties;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DocsConfiguration {

  /** The gateway's own document (health, metrics, API info), beside the services' ones. */
  @Bean
  OpenAPI gatewayOpenApi(GatewayProperties properties) {
    return new OpenAPI()
        .info(
            new Info()
                .title("Dealflow gateway")
                .version(properties.version())
                .description(
                    "The gateway's own endpoints. Each service's API is listed under its own"
                        + " name."));
  }
}
