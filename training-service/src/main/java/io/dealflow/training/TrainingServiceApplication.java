package io.dealflow.training;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** training-service: the Voice Sales Trainer, where reps role-play calls with a prospect. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TrainingServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(TrainingServiceApplication.class, args);
  }
}
