package io.dealflow.insights;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** insights-service: VectorOS pipeline analytics, from a read model fed by crm's events. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class InsightsServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(InsightsServiceApplication.class, args);
  }
}
