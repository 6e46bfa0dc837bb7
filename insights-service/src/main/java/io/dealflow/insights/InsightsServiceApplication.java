package io.dealflow.insights;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** insights-service: VectorOS pipeline analytics, from a read model fed by crm's events. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class InsightsServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(InsightsServiceApplication.class, args);
  }
}
