package io.dealflow.deploy.k8s;

import io.dealflow.deploy.Deployables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The realm "dealflow" for the Keycloak operator, made from devstack's export so that the two
 * cannot drift: the base imports it without the demo users (production has no demo organization),
 * the dev overlay adds them back. Secrets stay placeholders ({@code ${DEALFLOW_...}}) that the
 * operator fills from Kubernetes secrets.
 */
final class RealmImports {

  static final Path DEVSTACK_REALM =
      Path.of("devstack", "src", "main", "resources", "keycloak", "dealflow-realm.json");
  static final Path BASE_FILE = Path.of("k8s", "base", "keycloak", "realm-import.yaml");
  static final Path DEV_FILE = Path.of("k8s", "overlays", "dev", "realm-demo-users.yaml");

  /** Which Kubernetes secret and key fills each placeholder of the realm. */
  static final Map<String, Map<String, String>> PLACEHOLDERS =
      Map.of(
          "DEALFLOW_KEYCLOAK_CLIENT_SECRET",
              Map.of("name", "dealflow-keycloak-clients", "key", "identity-client-secret"),
          "DEALFLOW_OPS_CLIENT_SECRET",
              Map.of("name", "dealflow-keycloak-clients", "key", "ops-client-secret"),
          "DEALFLOW_DEMO_PASSWORD", Map.of("name", "dealflow-demo", "key", "password"));

  /** Placeholders are upper-case environment names; Keycloak's own ({@code ${client_id}}) not. */
  static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

  private RealmImports() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> devstackRealm() {
    Path file = Deployables.repositoryRoot().resolve(DEVSTACK_REALM);
    try {
      LoaderOptions options = new LoaderOptions();
      options.setCodePointLimit(10 * 1024 * 1024);
      return (Map<String, Object>)
          new Yaml(options).load(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean isDemoUser(Object user) {
    return !(user instanceof Map<?, ?> map) || !map.containsKey("serviceAccountClientId");
  }

  /** The realm without its demo users (service accounts stay). */
  static Map<String, Object> withoutDemoUsers(Map<String, Object> realm) {
    Map<String, Object> copy = new LinkedHashMap<>(realm);
    copy.put(
        "users", Yamls.list(realm, "users").stream().filter(user -> !isDemoUser(user)).toList());
    return copy;
  }

  static TreeSet<String> placeholdersIn(Object realm) {
    TreeSet<String> names = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(String.valueOf(realm));
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  static Map<String, Object> placeholders(Object realm) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (String name : placeholdersIn(realm)) {
      Map<String, String> secret = PLACEHOLDERS.get(name);
      if (secret == null) {
        throw new AssertionError(
            "The devstack realm uses ${"
                + name
                + "}; RealmImports.PLACEHOLDERS must say which"
                + " Kubernetes secret fills it");
      }
      // key before name, always: Map.of iterates in an order that changes from run to run.
      Map<String, String> ordered = new LinkedHashMap<>();
      ordered.put("key", secret.get("key"));
      ordered.put("name", secret.get("name"));
      result.put(name, Map.of("secret", ordered));
    }
    return result;
  }

  /** The base's KeycloakRealmImport, as its file should read. */
  static String baseFile() {
    Map<String, Object> realm = withoutDemoUsers(devstackRealm());
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("keycloakCRName", "dealflow-keycloak");
    spec.put("placeholders", placeholders(realm));
    spec.put("realm", realm);
    return header(
            "The realm \"dealflow\" (devstack's export without its demo users), imported by the\n"
                + "Keycloak operator when the realm does not exist yet. Client secrets are\n"
                + "placeholders filled from the secret dealflow-keycloak-clients.")
        + dump(object("KeycloakRealmImport", "dealflow-realm", spec));
  }

  /** The dev overlay's patch: the demo users back, and the secret of their password. */
  static String devFile() {
    Map<String, Object> realm = devstackRealm();
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("placeholders", placeholders(realm));
    spec.put("realm", Map.of("users", new ArrayList<>(Yamls.list(realm, "users"))));
    return header(
            "Development only: the demo organization's users (their password from the secret\n"
                + "dealflow-demo), as in devstack's realm.")
        + dump(object("KeycloakRealmImport", "dealflow-realm", spec));
  }

  private static String header(String what) {
    return "# "
        + what.replace("\n", "\n# ")
        + "\n# Made from devstack/src/main/resources/keycloak/dealflow-realm.json; after changing"
        + " that\n# file, refresh this one with\n# ./mvnw -o test -pl devstack,deploy -Dsurefire.failIfNoSpecifiedTests=false"
        + "\n#   -Dtest=K8sRealmTest -Ddealflow.k8s.write-realm=true\n";
  }

  private static Map<String, Object> object(String kind, String name, Map<String, Object> spec) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("apiVersion", "k8s.keycloak.org/v2alpha1");
    object.put("kind", kind);
    object.put("metadata", Map.of("name", name));
    object.put("spec", spec);
    return object;
  }

  private static String dump(Object value) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(0);
    options.setWidth(Integer.MAX_VALUE);
    options.setSplitLines(false);
    return new Yaml(options).dump(value);
  }
}
