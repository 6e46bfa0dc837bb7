package io.dealflow.support;

import io.dealflow.devstack.Devstack;
import io.dealflow.platform.test.ApiClient;
import io.dealflow.platform.test.TestDatabases;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * support-service running on a random port against a fresh PostgreSQL database, the realm's
 * Keycloak and Kafka, with its real embedding model. Integration test classes extend this.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"dealflow.security.clock-skew=0s"})
public abstract class RunningSupportService {

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestDatabases.register(registry, "support");
    TestDatabases.registerSecurity(registry);
    registry.add("spring.kafka.bootstrap-servers", () -> Devstack.kafka().bootstrapServers());
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  protected ApiClient as(TestUser user) {
    return new ApiClient(baseUrl() + "/api/v1", user.token());
  }

  /**
   * A new organization with a member of its support team (an {@code agent}) and a customer (a
   * {@code rep}); a second customer is made when first asked for.
   */
  protected Org organization() {
    UUID orgId = UUID.randomUUID();
    return new Org(orgId, TestUsers.create(orgId, "agent"), TestUsers.create(orgId, "rep"));
  }

  /** One organization's users as the tests use them. */
  protected final class Org {

    private final UUID id;
    private final TestUser staffUser;
    private final ApiClient staff;
    private final TestUser customerUser;
    private final ApiClient customer;
    private ApiClient otherCustomer;

    Org(UUID id, TestUser staffUser, TestUser customerUser) {
      this.id = id;
      this.staffUser = staffUser;
      this.staff = as(staffUser);
      this.customerUser = customerUser;
      this.customer = as(customerUser);
    }

    public UUID id() {
      return id;
    }

    public TestUser staffUser() {
      return staffUser;
    }

    public ApiClient staff() {
      return staff;
    }

    public TestUser customerUser() {
      return customerUser;
    }

    public ApiClient customer() {
      return customer;
    }

    /** Another customer of the same organization, the same one on every call. */
    public synchronized ApiClient otherCustomer() {
      if (otherCustomer == null) {
        otherCustomer = as(TestUsers.create(id, "rep"));
      }
      return otherCustomer;
    }
  }
}
