package io.dealflow.realtime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** realtime-service: client WebSockets and partner webhooks, fed by the suite's events. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RealtimeServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(RealtimeServiceApplication.class, args);
  }
}
