package io.dealflow.realtime.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.devstack.Devstack;
import io.dealflow.platform.secret.SecretBox;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Migration V2 on a database that V1-era code filled with signing secrets as issued. */
class SealSigningSecretsIT {

  /** Test-only key. */
  private static final SecretBox SECRETS =
      SecretBox.fromKey("mS8u3x0A0Zb7B3b1rXz0G1o3x9iQ1v6Q9x5u2nq8n0k=", "test.key", "TEST_KEY");

  private DriverManagerDataSource dataSource;
  private JdbcClient jdbc;

  @BeforeEach
  void databaseAtV1() {
    var postgres = Devstack.postgres();
    String database = postgres.createFreshDatabase("realtime_seal");
    dataSource =
        new DriverManagerDataSource(
            postgres.jdbcUrl(database), postgres.username(), postgres.password());
    jdbc = JdbcClient.create(dataSource);
    flyway().target("1").load().migrate();
  }

  @Test
  void existingSecretsAreSealedCurrentAndPreviousAndOpenAsIssued() {
    UUID rotated = insert("whsec_current", "whsec_previous");
    UUID fresh = insert("whsec_only", null);

    flyway().load().migrate();

    assertThat(stored(rotated, "secret")).startsWith("v1:").doesNotContain("whsec_");
    assertThat(stored(rotated, "previous_secret")).startsWith("v1:").doesNotContain("whsec_");
    assertThat(SECRETS.open(rotated, stored(rotated, "secret"))).isEqualTo("whsec_current");
    assertThat(SECRETS.open(rotated, stored(rotated, "previous_secret")))
        .isEqualTo("whsec_previous");
    assertThat(SECRETS.open(fresh, stored(fresh, "secret"))).isEqualTo("whsec_only");
    assertThat(stored(fresh, "previous_secret")).isNull();
  }

  @Test
  void twoInstancesMigratingTogetherSealEachSecretOnce() throws Exception {
    List<UUID> endpoints = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      endpoints.add(insert("whsec_" + i, "whsec_old_" + i));
    }

    try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
      Callable<Object> migrate = () -> flyway().load().migrate();
      List<Future<Object>> runs = instances.invokeAll(List.of(migrate, migrate));
      for (Future<Object> run : runs) {
        run.get();
      }
    }

    for (int i = 0; i < endpoints.size(); i++) {
      UUID id = endpoints.get(i);
      assertThat(SECRETS.open(id, stored(id, "secret"))).isEqualTo("whsec_" + i);
      assertThat(SECRETS.open(id, stored(id, "previous_secret"))).isEqualTo("whsec_old_" + i);
    }
    assertThat(
            jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE version = '2'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .javaMigrations(new SealSigningSecrets(SECRETS));
  }

  private UUID insert(String secret, @Nullable String previous) {
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql(
            """
            INSERT INTO webhook_endpoint (id, org_id, url, events, enabled, secret,
                                          previous_secret, previous_secret_expires_at,
                                          created_at, updated_at)
            VALUES (:id, :org, 'https://partner.example/hook', ARRAY['*'], true, :secret,
                    :previous, :expires, :now, :now)
            """)
        .param("id", id)
        .param("org", UUID.randomUUID())
        .param("secret", secret)
        .param("previous", previous)
        .param("expires", previous == null ? null : now)
        .param("now", now)
        .update();
    return id;
  }

  private @Nullable String stored(UUID id, String column) {
    Map<String, Object> row =
        jdbc.sql("SELECT " + column + " AS value FROM webhook_endpoint WHERE id = :id")
            .param("id", id)
            .query()
            .singleRow();
    return (String) row.get("value");
  }
}
