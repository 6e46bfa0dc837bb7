package io.dealflow.insights.rebuild;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/readmodel} on the management port, for operators: {@code GET} tells whether a
 * rebuild runs and what the last one did; {@code POST} starts one ({@code started: false} when one
 * is already running, on any instance).
 */
@Component
@Endpoint(id = "readmodel")
class ReadModelEndpoint {

  private final ReadModelRebuild rebuild;

  ReadModelEndpoint(ReadModelRebuild rebuild) {
    this.rebuild = rebuild;
  }

  @ReadOperation
  Map<String, Object> status() {
    return rebuild.status();
  }

  @WriteOperation
  Map<String, Object> rebuild() {
    return Map.of("started", rebuild.start());
  }
}
