package io.dealflow.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class TracingSwitchTest {

  @Test
  void withoutAnEndpointTracingIsExcludedAndAServicesOwnExclusionsStay() {
    MockEnvironment environment =
        new MockEnvironment().withProperty("spring.autoconfigure.exclude", "com.example.Own");

    new TracingSwitch().postProcessEnvironment(environment, new SpringApplication());

    List<String> excluded =
        List.of(environment.getProperty("spring.autoconfigure.exclude", "").split(","));
    assertThat(excluded).contains("com.example.Own").containsAll(TracingSwitch.TRACING);
    assertThat(excluded).containsAll(TracingSwitch.LOG_EXPORT);
    assertThat(environment.getProperty("jdbc.datasource-proxy.enabled")).isEqualTo("false");
    assertThat(environment.getProperty("management.tracing.sampling.probability")).isNull();
  }

  @Test
  void withAnEndpointEveryTraceIsSampledUnlessConfiguredOtherwise() {
    MockEnvironment environment =
        new MockEnvironment().withProperty(TracingSwitch.ENDPOINT, "http://c:4318/v1/traces");

    new TracingSwitch().postProcessEnvironment(environment, new SpringApplication());

    List<String> excluded =
        List.of(environment.getProperty("spring.autoconfigure.exclude", "").split(","));
    assertThat(excluded).doesNotContainAnyElementsOf(TracingSwitch.TRACING);
    assertThat(excluded).containsAll(TracingSwitch.LOG_EXPORT);
    assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");

    MockEnvironment tuned =
        new MockEnvironment()
            .withProperty(TracingSwitch.ENDPOINT, "http://c:4318/v1/traces")
            .withProperty("management.tracing.sampling.probability", "0.25");
    new TracingSwitch().postProcessEnvironment(tuned, new SpringApplication());
    assertThat(tuned.getProperty("management.tracing.sampling.probability")).isEqualTo("0.25");
  }
}
