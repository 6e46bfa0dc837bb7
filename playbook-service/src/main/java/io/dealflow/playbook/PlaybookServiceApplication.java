package io.dealflow.playbook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** playbook-service: HelloSales Sailwind, the sales playbooks reps practise. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PlaybookServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(PlaybookServiceApplication.class, args);
  }
}
