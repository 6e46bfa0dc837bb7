package io.dealflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.devstack.launch.ServiceDefinition;
import org.junit.jupiter.api.Test;

class DeployablesTest {

  @Test
  void theBuiltApplicationsAreTheOnesThatShip() {
    assertThat(Deployables.all())
        .extracting(ServiceDefinition::name)
        .contains("gateway", "identity", "crm", "realtime", "playbook");
  }
}
