package io.dealflow.support;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** support-service: HeliosCS, the customer-support assistant and its knowledge base. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SupportServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(SupportServiceApplication.class, args);
  }
}
