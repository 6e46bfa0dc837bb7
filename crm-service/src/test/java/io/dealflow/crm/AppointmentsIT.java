package io.dealflow.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.crm.events.CrmEvents;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Appointments: booking, moving, filters, the appointment.scheduled event, bad input, tenancy. */
class AppointmentsIT extends SpotlightService {

  @Test
  void bookingAnAppointmentEmitsAppointmentScheduledAndMovingItEmitsItAgain() {
    UUID lead = createLead(admin(), Map.of("name", "Meeting Lead"));
    UUID assistant = createAssistant(admin(), "Booker");

    Api.Response booked =
        admin()
            .post(
                "/api/v1/appointments",
                wrap(
                    "appointment",
                    Map.of(
                        "lead_id",
                        lead.toString(),
                        "assistant_id",
                        assistant.toString(),
                        "scheduled_at",
                        "2025-01-02T14:00:00Z",
                        "duration",
                        60,
                        "external_link",
                        "https://calendly.com/meeting/abc123",
                        "metadata",
                        Map.of("meeting_type", "demo", "timezone", "America/New_York"))));

    assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
    JsonNode attributes = booked.attributes();
    assertThat(attributes.get("scheduled_at").asString()).isEqualTo("2025-01-02T14:00:00Z");
    assertThat(attributes.get("status").asString()).isEqualTo("scheduled");
    assertThat(attributes.get("external_link").asString())
        .isEqualTo("https://calendly.com/meeting/abc123");
    JsonNode relationships = booked.json().get("data").get("relationships");
    assertThat(relationships.get("lead").get("data").get("id").asString())
        .isEqualTo(lead.toString());
    assertThat(relationships.get("assistant").get("data").get("id").asString())
        .isEqualTo(assistant.toString());

    String path = "/api/v1/appointments/" + booked.id();
    assertThat(admin().patch(path, wrap("appointment", Map.of("status", "completed"))).status())
        .isEqualTo(200);
    Api.Response moved =
        admin().patch(path, wrap("appointment", Map.of("scheduled_at", "2025-01-02T15:00:00Z")));
    assertThat(moved.attributes().get("scheduled_at").asString()).isEqualTo("2025-01-02T15:00:00Z");
    assertThat(moved.attributes().get("status").asString()).isEqualTo("completed");

    List<JsonNode> events =
        Topics.events(CrmEvents.APPOINTMENT_SCHEDULED.topic(), booked.uuid(), 2);
    assertThat(events)
        .extracting(e -> e.get("data").get("scheduled_at").asString())
        .containsExactly("2025-01-02T14:00:00Z", "2025-01-02T15:00:00Z");
    JsonNode first = events.getFirst().get("data");
    assertThat(first.get("lead_id").asString()).isEqualTo(lead.toString());
    assertThat(first.get("assistant_id").asString()).isEqualTo(assistant.toString());
    assertThat(first.get("duration").asInt()).isEqualTo(60);
  }

  @Test
  void filtersNarrowTheListWhichIsSortedByWhenItTakesPlace() {
    UUID lead = createLead(admin(), Map.of("name", "Busy Lead"));
    UUID later = book(lead, "2025-03-10T10:00:00Z");
    UUID sooner = book(lead, "2025-03-01T10:00:00Z");
    admin()
        .patch("/api/v1/appointments/" + later, wrap("appointment", Map.of("status", "cancelled")));

    assertThat(ids("/api/v1/appointments?lead_id=" + lead)).containsExactly(sooner, later);
    assertThat(ids("/api/v1/appointments?lead_id=" + lead + "&status=cancelled"))
        .containsExactly(later);
    assertThat(ids("/api/v1/appointments?lead_id=" + lead + "&date_from=2025-03-05"))
        .containsExactly(later);
    assertThat(ids("/api/v1/appointments?lead_id=" + lead + "&date_to=2025-03-01"))
        .containsExactly(sooner);
    Api.Response unknown = admin().get("/api/v1/appointments?status=postponed");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("errors").get(0).get("meta").get("parameter").asString())
        .isEqualTo("status");
  }

  @Test
  void badInputAnswers422PointingAtTheAttributeAndStoresNothing() {
    UUID lead = createLead(admin(), Map.of("name", "Careful Lead"));
    long before = rows("appointments");

    Api.Response missing =
        admin().post("/api/v1/appointments", wrap("appointment", Map.of("duration", 30)));
    Api.Response badStatus =
        admin()
            .post(
                "/api/v1/appointments",
                wrap(
                    "appointment",
                    Map.of(
                        "lead_id", lead.toString(),
                        "scheduled_at", "2025-01-02T14:00:00Z",
                        "status", "postponed")));
    Api.Response badLink =
        admin()
            .post(
                "/api/v1/appointments",
                wrap(
                    "appointment",
                    Map.of(
                        "lead_id", lead.toString(),
                        "scheduled_at", "2025-01-02T14:00:00Z",
                        "external_link", "javascript:alert(1)")));

    assertThat(missing.status()).isEqualTo(422);
    assertThat(
            missing
                .json()
                .get("errors")
                .valueStream()
                .map(e -> e.get("source").get("pointer").asString()))
        .containsExactlyInAnyOrder("/data/attributes/lead_id", "/data/attributes/scheduled_at");
    assertThat(badStatus.status()).isEqualTo(422);
    assertThat(badStatus.json().get("errors").get(0).get("source").get("pointer").asString())
        .isEqualTo("/data/attributes/status");
    assertThat(badLink.status()).isEqualTo(422);
    assertThat(badLink.json().get("errors").get(0).get("source").get("pointer").asString())
        .isEqualTo("/data/attributes/external_link");
    assertThat(rows("appointments")).isEqualTo(before);
  }

  @Test
  void otherOrganizationsAppointmentAnswers404AndIsNeverListed() {
    UUID lead = createLead(admin(), Map.of("name", "Private Meeting"));
    UUID appointment = book(lead, "2025-04-01T10:00:00Z");

    assertThat(stranger().get("/api/v1/appointments/" + appointment).status()).isEqualTo(404);
    assertThat(
            stranger()
                .patch(
                    "/api/v1/appointments/" + appointment,
                    wrap("appointment", Map.of("status", "cancelled")))
                .status())
        .isEqualTo(404);
    assertThat(stranger().get("/api/v1/appointments?lead_id=" + lead).json().get("data").isEmpty())
        .isTrue();
    Api.Response borrowed =
        stranger()
            .post(
                "/api/v1/appointments",
                wrap(
                    "appointment",
                    Map.of("lead_id", lead.toString(), "scheduled_at", "2025-04-02T10:00:00Z")));
    assertThat(borrowed.status()).isEqualTo(422);
    assertThat(
            admin()
                .get("/api/v1/appointments/" + appointment)
                .attributes()
                .get("status")
                .asString())
        .isEqualTo("scheduled");
  }

  private UUID book(UUID lead, String at) {
    Api.Response booked =
        admin()
            .post(
                "/api/v1/appointments",
                wrap("appointment", Map.of("lead_id", lead.toString(), "scheduled_at", at)));
    assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
    return booked.uuid();
  }

  private List<UUID> ids(String path) {
    Api.Response list = admin().get(path);
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    return list.json()
        .get("data")
        .valueStream()
        .map(d -> UUID.fromString(d.get("id").asString()))
        .toList();
  }
}
