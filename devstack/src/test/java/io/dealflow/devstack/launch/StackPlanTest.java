package io.dealflow.devstack.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealflow.devstack.support.BuildInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackPlanTest {

  @TempDir Path root;

  @Test
  void startsWhatIsBuiltAndSaysWhyTheRestIsNot() throws IOException {
    built("identity-service");
    Files.createDirectories(root.resolve("gateway/src"));
    Map<String, String> skipped = new LinkedHashMap<>();

    List<ServiceDefinition> plan = Stack.plan(options(), skipped);

    assertThat(plan).extracting(ServiceDefinition::name).containsExactly("identity");
    assertThat(skipped.get("gateway")).startsWith("not built (gateway/target/gateway-");
    assertThat(skipped.get("crm")).isEqualTo("module crm-service is not in this checkout yet");
  }

  @Test
  void domainServicesComeBeforeTheGateway() throws IOException {
    built("gateway");
    built("identity-service");
    built("crm-service");

    List<ServiceDefinition> plan = Stack.plan(options(), new LinkedHashMap<>());

    assertThat(plan)
        .extracting(ServiceDefinition::name)
        .containsExactly("identity", "crm", "gateway");
  }

  @Test
  void askingForAnUnbuiltServiceFailsInsteadOfSkippingIt() {
    assertThatThrownBy(
            () ->
                Stack.plan(
                    options().withServices(Set.of("identity-service")), new LinkedHashMap<>()))
        .isInstanceOf(StackStartException.class)
        .hasMessageContaining("identity was asked for")
        .hasMessageContaining("is not in this checkout");
  }

  @Test
  void unknownServiceNamesListTheKnownOnes() {
    assertThatThrownBy(
            () -> Stack.plan(options().withServices(Set.of("billing")), new LinkedHashMap<>()))
        .isInstanceOf(StackStartException.class)
        .hasMessageContaining("billing")
        .hasMessageContaining(
            "identity, playbook, training, crm, insights, support, realtime, gateway");
  }

  @Test
  void infraOnlyStartsNoService() throws IOException {
    built("gateway");

    assertThat(Stack.plan(options().withInfraOnly(true), new LinkedHashMap<>())).isEmpty();
  }

  private void built(String module) throws IOException {
    Path target = Files.createDirectories(root.resolve(module).resolve("target"));
    Files.createFile(target.resolve(module + "-" + BuildInfo.projectVersion() + ".jar"));
  }

  private StackOptions options() {
    return new StackOptions(
        root,
        null,
        "dev",
        Map.of(),
        Map.of(),
        false,
        root.resolve("logs"),
        Duration.ofSeconds(120),
        StackOptions.DEV_JVM_ARGUMENTS,
        false,
        new PrintStream(new ByteArrayOutputStream()),
        false,
        null);
  }
}
