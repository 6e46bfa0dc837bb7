package io.dealflow.devstack.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.devstack.support.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeycloakSecretsTest {

  @TempDir Path stateDir;

  @Test
  void generatesSecretsOnceIntoAnOwnerOnlyFile() throws IOException {
    KeycloakSecrets first = KeycloakSecrets.loadOrCreate(stateDir);
    KeycloakSecrets again = KeycloakSecrets.loadOrCreate(stateDir);

    Path file = stateDir.resolve(KeycloakSecrets.FILE_NAME);
    assertThat(again).isEqualTo(first);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(first.adminUsername()).isEqualTo("admin");
    assertThat(first.demoPassword()).hasSize(16);
    assertThat(first.identityClientSecret()).hasSize(40).isNotEqualTo(first.adminPassword());
    assertThat(first.opsClientSecret()).hasSize(40).isNotEqualTo(first.identityClientSecret());
  }

  @Test
  void environmentOverridesTheGeneratedValues() {
    KeycloakSecrets secrets =
        KeycloakSecrets.loadOrCreate(stateDir)
            .withOverrides(
                Settings.of(
                    Map.of(
                        "DEALFLOW_KEYCLOAK_CLIENT_SECRET", "from-env",
                        "DEALFLOW_DEMO_PASSWORD", "demo-from-env")));

    assertThat(secrets.identityClientSecret()).isEqualTo("from-env");
    assertThat(secrets.demoPassword()).isEqualTo("demo-from-env");
  }

  @Test
  void importFingerprintChangesWithEverySecretKeycloakConsumesAtFirstStart() {
    KeycloakSecrets secrets = KeycloakSecrets.loadOrCreate(stateDir);

    assertThat(
            Map.of(
                    "DEALFLOW_DEMO_PASSWORD", "changed-1",
                    "DEALFLOW_KEYCLOAK_CLIENT_SECRET", "changed-2",
                    "DEALFLOW_KEYCLOAK_ADMIN_PASSWORD", "changed-3",
                    "DEALFLOW_OPS_CLIENT_SECRET", "changed-4")
                .entrySet())
        .allSatisfy(
            change ->
                assertThat(
                        secrets
                            .withOverrides(Settings.of(Map.of(change.getKey(), change.getValue())))
                            .importFingerprint())
                    .isNotEqualTo(secrets.importFingerprint()));
    assertThat(KeycloakSecrets.loadOrCreate(stateDir).importFingerprint())
        .isEqualTo(secrets.importFingerprint());
  }

  @Test
  void toStringShowsNoSecret() {
    KeycloakSecrets secrets = KeycloakSecrets.loadOrCreate(stateDir);

    assertThat(secrets.toString())
        .doesNotContain(
            secrets.adminPassword(),
            secrets.identityClientSecret(),
            secrets.opsClientSecret(),
            secrets.demoPassword());
  }
}
