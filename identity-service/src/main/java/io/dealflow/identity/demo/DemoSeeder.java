package io.dealflow.identity.demo;

import io.dealflow.identity.keycloak.KeycloakAccount;
import io.dealflow.identity.keycloak.KeycloakUsers;
import io.dealflow.identity.organization.OrganizationId;
import io.dealflow.identity.organization.Workspaces;
import io.dealflow.identity.user.UserDirectory;
import io.dealflow.identity.user.UserId;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo organization, the demo users' rows and their memberships once the service is up.
 * Keycloak may still be importing the realm when the service starts, so it tries a few times, in
 * the background: the service serves requests meanwhile. Running it again changes nothing.
 */
@Component
@ConditionalOnBooleanProperty("dealflow.identity.demo.enabled")
class DemoSeeder {

  private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

  private final DemoProperties properties;
  private final KeycloakUsers keycloak;
  private final UserDirectory users;
  private final Workspaces workspaces;
  private final TransactionTemplate transaction;

  DemoSeeder(
      DemoProperties properties,
      KeycloakUsers keycloak,
      UserDirectory users,
      Workspaces workspaces,
      PlatformTransactionManager transactions) {
    this.properties = properties;
    this.keycloak = keycloak;
    this.users = users;
    this.workspaces = workspaces;
    this.transaction = new TransactionTemplate(transactions);
  }

  @EventListener(ApplicationReadyEvent.class)
  void seedInBackground() {
    Thread.ofVirtual().name("demo-seeder").start(this::seedWithRetries);
  }

  void seedWithRetries() {
    for (int attempt = 1; attempt <= properties.attempts(); attempt++) {
      try {
        seed();
        log.info("Demo organization '{}' is ready", DemoData.ORG_NAME);
        return;
      } catch (RuntimeException e) {
        log.warn(
            "Seeding the demo data failed (attempt {}/{}): {}",
            attempt,
            properties.attempts(),
            e.getMessage());
      }
      try {
        Thread.sleep(properties.retryDelay());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    log.error("Gave up seeding the demo data after {} attempts", properties.attempts());
  }

  void seed() {
    OrganizationId org = OrganizationId.of(DemoData.ORG_ID);
    workspaces.ensure(org, DemoData.ORG_NAME);
    for (DemoData.DemoUser demo : DemoData.USERS) {
      KeycloakAccount account =
          find(demo)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "Keycloak has no demo user " + demo.id() + " (" + demo.role() + ")"));
      if (!account.id().equals(demo.id())) {
        log.warn(
            "Demo user {} has Keycloak id {} instead of the fixed {}: the realm export should fix"
                + " its id",
            demo.role(),
            account.id(),
            demo.id());
      }
      UserId id = UserId.of(account.id());
      transaction.executeWithoutResult(
          status -> {
            users.synchronize(
                id,
                Objects.requireNonNullElse(account.email(), demo.email()),
                Objects.requireNonNullElse(account.firstName(), ""),
                Objects.requireNonNullElse(account.lastName(), ""));
            workspaces.ensureMember(org, id, demo.role());
            users.lock(id);
            workspaces.publishTenancy(id);
          });
    }
  }

  private Optional<KeycloakAccount> find(DemoData.DemoUser demo) {
    return keycloak.find(demo.id()).or(() -> keycloak.findByEmail(demo.email()));
  }
}
