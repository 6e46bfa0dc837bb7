package io.dealflow.platform.servlet;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.security.Role;
import io.dealflow.platform.security.Tenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service that uses the platform the way real services do. */
@SpringBootApplication
class ProbeApplication {

  record Signup(
      @JsonProperty("first_name") @NotBlank String firstName, @NotBlank @Email String email) {}

  @RestController
  static class ProbeController {

    @PostMapping({"/api/v1/auth/signup", "/api/v1/user/signup", "/api/v1/signup"})
    Map<String, String> signup(@Valid @RequestBody Signup signup) {
      return Map.of("email", signup.email());
    }

    /** Reads the raw body, as an upload handler or a CSV import does. */
    @PostMapping("/api/v1/auth/upload")
    Map<String, Long> upload(InputStream body) throws IOException {
      return Map.of("bytes", body.transferTo(OutputStream.nullOutputStream()));
    }

    @GetMapping("/api/v1/whoami")
    Tenant whoami(Tenant tenant) {
      return tenant;
    }

    @GetMapping("/api/v1/admin-only")
    Map<String, String> adminOnly(Tenant tenant) {
      if (tenant.orgId() == null || !tenant.hasRoleIn(tenant.orgId(), Role.ADMIN)) {
        throw ApiException.forbidden("Admins only");
      }
      return Map.of("ok", "yes");
    }

    @GetMapping("/api/v1/things/{id}")
    Map<String, String> thing(@PathVariable UUID id) {
      throw ApiException.notFound("Thing");
    }
  }
}
