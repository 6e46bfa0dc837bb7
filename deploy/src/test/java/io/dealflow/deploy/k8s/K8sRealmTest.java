package io.dealflow.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.deploy.Deployables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The realm the Keycloak operator imports is devstack's realm: dev imports it whole, production
 * without the demo users, and every secret in it is a placeholder with a Kubernetes secret behind
 * it. {@code -Ddealflow.k8s.write-realm=true} rewrites the k8s files from devstack's export.
 */
class K8sRealmTest {

  @Test
  void theRealmFilesAreMadeFromDevstacksExport() throws IOException {
    Path root = Deployables.repositoryRoot();
    if (Boolean.getBoolean("dealflow.k8s.write-realm")) {
      Files.writeString(root.resolve(RealmImports.BASE_FILE), RealmImports.baseFile());
      Files.writeString(root.resolve(RealmImports.DEV_FILE), RealmImports.devFile());
    }
    assertThat(Files.readString(root.resolve(RealmImports.BASE_FILE), StandardCharsets.UTF_8))
        .as(
            "%s is made from %s; refresh it with -Ddealflow.k8s.write-realm=true",
            RealmImports.BASE_FILE, RealmImports.DEVSTACK_REALM)
        .isEqualTo(RealmImports.baseFile());
    assertThat(Files.readString(root.resolve(RealmImports.DEV_FILE), StandardCharsets.UTF_8))
        .as(
            "%s is made from %s; refresh it with -Ddealflow.k8s.write-realm=true",
            RealmImports.DEV_FILE, RealmImports.DEVSTACK_REALM)
        .isEqualTo(RealmImports.devFile());
  }

  @Test
  void devImportsDevstacksRealmWhole() {
    Map<String, Object> realmImport = realmImport("dev");
    assertThat(Yamls.at(realmImport, "spec", "realm")).isEqualTo(RealmImports.devstackRealm());
    assertThat(new ArrayList<Object>(Yamls.map(realmImport, "spec", "placeholders").keySet()))
        .containsExactlyInAnyOrderElementsOf(
            RealmImports.placeholdersIn(RealmImports.devstackRealm()));
  }

  @Test
  void productionImportsDevstacksRealmWithoutDemoUsersAndWithItsOwnWebAddresses() {
    Map<String, Object> realmImport = realmImport("production");
    Map<String, Object> expected = RealmImports.withoutDemoUsers(RealmImports.devstackRealm());
    assertThat(withoutWebClientAddresses(Yamls.at(realmImport, "spec", "realm")))
        .isEqualTo(withoutWebClientAddresses(expected));
    assertThat(RealmImports.placeholdersIn(Yamls.at(realmImport, "spec", "realm")))
        .doesNotContain("DEALFLOW_DEMO_PASSWORD");
    assertThat(new ArrayList<Object>(Yamls.map(realmImport, "spec", "placeholders").keySet()))
        .containsExactlyInAnyOrderElementsOf(
            RealmImports.placeholdersIn(Yamls.at(realmImport, "spec", "realm")));
    assertThat(String.valueOf(webClient(Yamls.at(realmImport, "spec", "realm"))))
        .as("the production web client redirects to the suite's own address only")
        .doesNotContain("localhost");
  }

  @Test
  void noSecretValueIsInTheRenderedRealms() {
    for (String overlay : Kustomize.OVERLAYS) {
      Object realm = Yamls.at(realmImport(overlay), "spec", "realm");
      for (Object client : Yamls.list(realm, "clients")) {
        Object secret = Yamls.at(client, "secret");
        if (secret != null) {
          assertThat(String.valueOf(secret))
              .as("client secret in %s", overlay)
              .matches("\\$\\{[A-Z_]+}");
        }
      }
      for (Object user : Yamls.list(realm, "users")) {
        for (Object credential : Yamls.list(user, "credentials")) {
          assertThat(String.valueOf(Yamls.at(credential, "value")))
              .as("user password in %s", overlay)
              .matches("\\$\\{[A-Z_]+}");
        }
      }
    }
  }

  private static Map<String, Object> realmImport(String overlay) {
    return Kustomize.overlay(overlay)
        .find("KeycloakRealmImport", "dealflow-realm")
        .orElseThrow(
            () -> new AssertionError(overlay + " has no KeycloakRealmImport dealflow-realm"));
  }

  private static Object webClient(Object realm) {
    return Yamls.list(realm, "clients").stream()
        .filter(client -> "dealflow-web".equals(Yamls.at(client, "clientId")))
        .findFirst()
        .orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Object withoutWebClientAddresses(Object realm) {
    Map<String, Object> copy = new java.util.LinkedHashMap<>((Map<String, Object>) realm);
    List<Object> clients = new ArrayList<>();
    for (Object client : Yamls.list(realm, "clients")) {
      if ("dealflow-web".equals(Yamls.at(client, "clientId"))) {
        Map<String, Object> web = new java.util.LinkedHashMap<>((Map<String, Object>) client);
        web.remove("redirectUris");
        clients.add(web);
      } else {
        clients.add(client);
      }
    }
    copy.put("clients", clients);
    return copy;
  }
}
