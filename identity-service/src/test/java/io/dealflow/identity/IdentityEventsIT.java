package io.dealflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.devstack.Devstack;
import io.dealflow.identity.events.IdentityEvents;
import io.dealflow.platform.event.EventType;
import io.dealflow.platform.test.EventProbe;
import io.dealflow.platform.test.EventSchemas;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What identity-service tells the rest of the suite: a registration and each new membership reach
 * Kafka as catalogue events (the probe checks each against the AsyncAPI document), and a failed
 * registration tells nothing.
 */
class IdentityEventsIT extends RunningIdentityService {

  private EventProbe probe() {
    return new EventProbe(
        Devstack.kafka().bootstrapServers(),
        IdentityEvents.ALL.stream().map(EventType::topic).toList());
  }

  @Test
  void everyIdentityEventIsInTheAsyncApiDocument() {
    assertThat(EventSchemas.load().types())
        .containsAll(IdentityEvents.ALL.stream().map(EventType::name).toList());
  }

  @Test
  void registrationPublishesUserRegisteredAndTheFoundersMembership() {
    try (EventProbe probe = probe()) {
      Registered founder = register("Eventful Ltd");

      EventProbe.Received registered =
          probe.await(
              r -> r.type().equals("user.registered") && r.subject().equals(founder.userId()),
              Duration.ofSeconds(30));
      JsonNode data = registered.data();
      assertThat(registered.key()).isEqualTo(founder.userId());
      assertThat(registered.envelope().get("orgid").asString()).isEqualTo(founder.orgId());
      assertThat(data.get("user_id").asString()).isEqualTo(founder.userId());
      assertThat(data.get("org_id").asString()).isEqualTo(founder.orgId());
      assertThat(data.get("email").asString()).isEqualTo(founder.email());
      assertThat(data.get("first_name").asString()).isEqualTo("Erin");

      EventProbe.Received membership =
          probe.await(
              r ->
                  r.type().equals("org.member.added")
                      && r.data().get("user_id").asString().equals(founder.userId()),
              Duration.ofSeconds(30));
      assertThat(membership.subject()).isEqualTo(founder.orgId());
      assertThat(membership.data().get("role").asString()).isEqualTo("admin");
    }
  }

  @Test
  void anAdminAddingAMemberPublishesOrgMemberAddedWithTheRole() {
    try (EventProbe probe = probe()) {
      Registered admin = register("Growing Co");
      String email = uniqueEmail("joiner");
      Api.Response added =
          api()
              .as(admin.accessToken())
              .post(
                  "/api/v1/users",
                  Map.of(
                      "email", email,
                      "firstName", "Jo",
                      "lastName", "Iner",
                      "role", "rep",
                      "password", "Joiner-Pass-1"));
      assertThat(added.status()).as(added.toString()).isEqualTo(201);
      String memberId = added.json().get("id").asString();
      created(memberId);

      EventProbe.Received event =
          probe.await(
              r ->
                  r.type().equals("org.member.added")
                      && r.data().get("user_id").asString().equals(memberId),
              Duration.ofSeconds(30));
      assertThat(event.data().get("org_id").asString()).isEqualTo(admin.orgId());
      assertThat(event.data().get("role").asString()).isEqualTo("rep");
      List<EventProbe.Received> registrations =
          probe.allMatching(
              r -> r.type().equals("user.registered") && r.subject().equals(memberId),
              Duration.ofSeconds(2));
      assertThat(registrations).as("an added member did not register themselves").isEmpty();
    }
  }
}
