package io.dealflow.crm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** crm-service: Spotlight OS assistants, leads, conversations, appointments; VectorOS deals. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CrmServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(CrmServiceApplication.class, args);
  }
}
