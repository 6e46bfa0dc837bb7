package io.dealflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PostgresTest {

  @Test
  void jdbcUrlNamesTheDatabaseAndKeepsTheParameters() {
    Postgres postgres =
        new Postgres(
            "jdbc:postgresql://db:5433/admin?sslmode=require", "u", "p", Source.CONFIGURED);

    assertThat(postgres.jdbcUrl("identity"))
        .isEqualTo("jdbc:postgresql://db:5433/identity?sslmode=require");
    assertThat(postgres.hosts()).isEqualTo("db:5433");
  }

  @Test
  void urlWithoutDatabaseWorks() {
    Postgres postgres = new Postgres("jdbc:postgresql://db", "u", "p", Source.CONFIGURED);

    assertThat(postgres.jdbcUrl("crm")).isEqualTo("jdbc:postgresql://db/crm");
  }

  @Test
  void freshNamesAreUniqueLowerCaseIdentifiers() {
    String first = Postgres.freshName("IdentityRepositoryTest");
    String second = Postgres.freshName("IdentityRepositoryTest");

    assertThat(first).matches("identityrepositorytest_[0-9a-f]{12}").isNotEqualTo(second);
    assertThat(Postgres.freshName("42-things")).startsWith("db_42_things_");
  }

  @Test
  void refusesDatabaseNamesThatWouldNeedQuoting() {
    Postgres postgres = new Postgres("jdbc:postgresql://db/postgres", "u", "p", Source.LOCAL);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> postgres.createDatabaseIfMissing("a\"; drop"));
  }

  @Test
  void toStringHidesThePassword() {
    Postgres postgres = new Postgres("jdbc:postgresql://db/postgres", "u", "s3cret", Source.LOCAL);

    assertThat(postgres.toString()).doesNotContain("s3cret");
  }
}
