package io.dealflow.gateway.web;

import io.dealflow.gateway.GatewayProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1}: which API this is (VectorOS's API info, public). */
@RestController
class ApiInfoController {

  private final GatewayProperties properties;

  ApiInfoController(GatewayProperties properties) {
    this.properties = properties;
  }

  @GetMapping("/api/v1")
  Map<String, String> info() {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("message", "Dealflow API v1");
    body.put("version", properties.version());
    return body;
  }
}
