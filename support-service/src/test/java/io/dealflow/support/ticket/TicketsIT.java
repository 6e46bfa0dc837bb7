package io.dealflow.support.ticket;

import static io.dealflow.platform.test.EventProbe.about;
import static io.dealflow.platform.test.EventProbe.ofType;
import static io.dealflow.support.HeliosErrors.assertHeliosError;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.devstack.Devstack;
import io.dealflow.platform.test.ApiClient;
import io.dealflow.platform.test.ApiClient.Response;
import io.dealflow.platform.test.EventProbe;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import io.dealflow.support.RunningSupportService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Tickets over HTTP: opened by any member with personal data masked and {@code ticket.created}
 * published, listed with the HeliosCS filters, sorting and paging, changed only by staff, and seen
 * by a customer only when they are its own.
 */
class TicketsIT extends RunningSupportService {

  private static EventProbe events;

  @BeforeAll
  static void listen() {
    events = new EventProbe(Devstack.kafka().bootstrapServers(), List.of("ticket.created"));
  }

  @AfterAll
  static void stopListening() {
    events.close();
  }

  static JsonNode open(ApiClient client, Map<String, Object> ticket) {
    Response created = client.post("/support/tickets/create", ticket);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  static String open(ApiClient client, String title, String priority) {
    return open(client, Map.of("title", title, "priority", priority)).get("id").asString();
  }

  static String openSession(ApiClient client, String customerId) {
    Response created = client.post("/support/sessions/create", Map.of("customer_id", customerId));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("session_id").asString();
  }

  /** The query for a HeliosCS {@code filter[field]}, brackets and value encoded. */
  static String filter(String field, String value) {
    return "filter%5B" + field + "%5D=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static Response list(ApiClient client, String query) {
    return client.get("/support/tickets" + (query.isEmpty() ? "" : "?" + query));
  }

  static List<String> ids(Response listed) {
    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    listed.json().forEach(ticket -> ids.add(ticket.get("id").asString()));
    return ids;
  }

  static String header(Response response, String name) {
    return response.headers().firstValue(name).orElse("");
  }

  static String invalidField(Response response) {
    return assertHeliosError(response, 400, "VALIDATION_ERROR")
        .get("details")
        .get(0)
        .get("field")
        .asString();
  }

  @Test
  void aTicketIsOpenedWithPersonalDataMaskedAndPublished() {
    Org org = organization();

    JsonNode ticket =
        open(
            org.customer(),
            Map.of(
                "title",
                "  Card 4111 1111 1111 1111 charged twice  ",
                "description",
                "Reach me at jane.doe@example.com or (415) 555-2671 about the double charge.",
                "priority",
                "high",
                "category",
                "billing",
                "customer_id",
                "customer_789"));

    String id = ticket.get("id").asString();
    assertThat(ticket.get("ticket_id").asString()).isEqualTo(id);
    assertThat(ticket.get("title").asString()).isEqualTo("Card **** **** **** 1111 charged twice");
    assertThat(ticket.get("description").asString())
        .isEqualTo("Reach me at j*******@example.com or (***) ***-2671 about the double charge.");
    assertThat(ticket.get("status").asString()).isEqualTo("open");
    assertThat(ticket.get("priority").asString()).isEqualTo("high");
    assertThat(ticket.get("category").asString()).isEqualTo("billing");
    assertThat(ticket.get("customer_id").asString()).isEqualTo("customer_789");
    assertThat(ticket.get("created_by").asString()).isEqualTo(org.customerUser().id().toString());
    assertThat(ticket.get("session_id").isNull()).isTrue();
    assertThat(ticket.get("assignee_id").isNull()).isTrue();
    assertThat(ticket.get("resolved_at").isNull()).isTrue();
    JsonNode stored = org.staff().get("/support/tickets/" + id).json();
    assertThat(stored.toString()).doesNotContain("4111 1111").doesNotContain("jane.doe");
    assertThat(stored.get("title").asString()).isEqualTo("Card **** **** **** 1111 charged twice");

    EventProbe.Received event =
        events.await(ofType("ticket.created").and(about(id)), Duration.ofSeconds(20));
    assertThat(event.data().get("ticket_id").asString()).isEqualTo(id);
    assertThat(event.data().get("title").asString())
        .isEqualTo("Card **** **** **** 1111 charged twice");
    assertThat(event.data().get("priority").asString()).isEqualTo("high");
    assertThat(event.data().get("status").asString()).isEqualTo("open");
    assertThat(event.data().get("category").asString()).isEqualTo("billing");
    assertThat(event.data().get("customer_id").asString()).isEqualTo("customer_789");
    assertThat(event.data().toString()).doesNotContain("4111").doesNotContain("jane.doe");

    JsonNode plain = open(org.customer(), Map.of("title", "Help"));
    assertThat(plain.get("priority").asString()).isEqualTo("medium");
    assertThat(plain.get("description").asString()).isEmpty();
    assertThat(plain.get("category").isNull()).isTrue();
    events.await(
        ofType("ticket.created").and(about(plain.get("id").asString())), Duration.ofSeconds(20));

    String session = openSession(org.customer(), "cust-42");
    JsonNode fromSession =
        open(org.customer(), Map.of("title", "About my chat", "session_id", session));
    assertThat(fromSession.get("session_id").asString()).isEqualTo(session);
    assertThat(fromSession.get("customer_id").asString()).isEqualTo("cust-42");
    JsonNode byStaff =
        open(org.staff(), Map.of("title", "Follow-up", "session_id", session, "priority", "low"));
    assertThat(byStaff.get("customer_id").asString()).isEqualTo("cust-42");
    assertThat(byStaff.get("created_by").asString()).isEqualTo(org.staffUser().id().toString());
  }

  @Test
  void invalidTicketsAreRefusedInTheHeliosFormat() {
    Org org = organization();

    JsonNode noTitle =
        assertHeliosError(
            org.customer().post("/support/tickets/create", Map.of("description", "It is broken")),
            400,
            "VALIDATION_ERROR");
    assertThat(noTitle.get("details").get(0).get("field").asString()).isEqualTo("title");
    assertThat(invalidField(org.customer().post("/support/tickets/create", Map.of("title", "  "))))
        .isEqualTo("title");
    assertThat(
            invalidField(
                org.customer().post("/support/tickets/create", Map.of("title", "x".repeat(301)))))
        .isEqualTo("title");
    assertThat(
            invalidField(
                org.customer()
                    .post(
                        "/support/tickets/create",
                        Map.of("title", "Help", "priority", "critical"))))
        .isEqualTo("priority");

    String othersSession = openSession(org.otherCustomer(), "someone-else");
    String otherOrganizationsSession = openSession(organization().customer(), "elsewhere");
    assertHeliosError(
        org.customer()
            .post("/support/tickets/create", Map.of("title", "Help", "session_id", othersSession)),
        404,
        "NOT_FOUND");
    assertHeliosError(
        org.staff()
            .post(
                "/support/tickets/create",
                Map.of("title", "Help", "session_id", otherOrganizationsSession)),
        404,
        "NOT_FOUND");
    assertHeliosError(
        org.customer()
            .post("/support/tickets/create", Map.of("title", "Help", "session_id", "session_abc")),
        404,
        "NOT_FOUND");
    assertThat(header(list(org.staff(), ""), "X-Total-Count")).isEqualTo("0");
  }

  @Test
  void aCustomerSeesOnlyItsOwnTicketsAndAnotherOrganizationNone() {
    Org org = organization();
    String mine = open(org.customer(), "My parcel is late", "medium");
    String theirs = open(org.otherCustomer(), "Their parcel is late", "medium");

    assertThat(org.customer().get("/support/tickets/" + mine).status()).isEqualTo(200);
    assertHeliosError(org.customer().get("/support/tickets/" + theirs), 404, "NOT_FOUND");
    assertHeliosError(org.otherCustomer().get("/support/tickets/" + mine), 404, "NOT_FOUND");
    assertThat(ids(list(org.customer(), ""))).containsExactly(mine);
    assertThat(ids(list(org.otherCustomer(), ""))).containsExactly(theirs);
    assertThat(ids(list(org.staff(), ""))).containsExactly(theirs, mine);
    assertThat(org.staff().get("/support/tickets/" + theirs).status()).isEqualTo(200);

    Org other = organization();
    assertHeliosError(other.staff().get("/support/tickets/" + mine), 404, "NOT_FOUND");
    assertHeliosError(
        other.staff().put("/support/tickets/" + mine, Map.of("status", "closed")),
        404,
        "NOT_FOUND");
    assertThat(ids(list(other.staff(), ""))).isEmpty();
    assertHeliosError(org.staff().get("/support/tickets/" + UUID.randomUUID()), 404, "NOT_FOUND");
    assertHeliosError(org.staff().get("/support/tickets/ticket_123"), 404, "NOT_FOUND");
    assertThat(org.customer().get("/support/tickets/" + mine).json().get("status").asString())
        .isEqualTo("open");
  }

  @Test
  void aTicketStaffOpenForACustomersSessionIsTheCustomersToSee() {
    Org org = organization();
    String session =
        org.customer()
            .post("/support/sessions/create", Map.of("customer_id", "customer_789"))
            .json()
            .get("session_id")
            .asString();
    String forTheCustomer =
        open(
                org.staff(),
                Map.of(
                    "title", "Follow up on the parcel", "session_id", session, "priority", "low"))
            .get("id")
            .asString();

    assertThat(org.customer().get("/support/tickets/" + forTheCustomer).status()).isEqualTo(200);
    assertThat(ids(list(org.customer(), ""))).containsExactly(forTheCustomer);
    assertHeliosError(
        org.otherCustomer().get("/support/tickets/" + forTheCustomer), 404, "NOT_FOUND");
    assertThat(ids(list(org.otherCustomer(), ""))).isEmpty();
  }

  @Test
  void listsAreFilteredSortedSearchedAndPaged() {
    Org org = organization();
    String printer =
        open(
                org.staff(),
                Map.of(
                    "title",
                    "Printer jammed",
                    "description",
                    "The lobby printer jams on A4 paper",
                    "priority",
                    "low"))
            .get("id")
            .asString();
    String alarm =
        open(
                org.staff(),
                Map.of(
                    "title",
                    "Vault alarm",
                    "description",
                    "It rings at night",
                    "priority",
                    "urgent"))
            .get("id")
            .asString();
    String parcel =
        open(
                org.staff(),
                Map.of(
                    "title",
                    "Parcel missing",
                    "description",
                    "The box with the blue label never arrived (100% sure)",
                    "priority",
                    "medium"))
            .get("id")
            .asString();
    String refund =
        open(
                org.staff(),
                Map.of(
                    "title", "Refund pending", "description", "Still waiting", "priority", "high"))
            .get("id")
            .asString();
    Response resolved = org.staff().put("/support/tickets/" + parcel, Map.of("status", "resolved"));
    assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
    Response assigned =
        org.staff()
            .put(
                "/support/tickets/" + printer,
                Map.of("assignee_id", org.staffUser().id().toString()));
    assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);

    Response all = list(org.staff(), "");
    assertThat(ids(all)).containsExactly(refund, parcel, alarm, printer);
    assertThat(ids(list(org.staff(), "sort=created_at:asc")))
        .containsExactly(printer, alarm, parcel, refund);
    assertThat(ids(list(org.staff(), "sort=priority:desc")))
        .containsExactly(alarm, refund, parcel, printer);
    assertThat(ids(list(org.staff(), "sort=priority:asc")))
        .containsExactly(printer, parcel, refund, alarm);
    assertThat(ids(list(org.staff(), "sort=title")))
        .containsExactly(parcel, printer, refund, alarm);

    assertThat(ids(list(org.staff(), filter("status", "resolved")))).containsExactly(parcel);
    assertThat(ids(list(org.staff(), filter("status", "open"))))
        .containsExactly(refund, alarm, printer);
    assertThat(ids(list(org.staff(), filter("priority", "high")))).containsExactly(refund);
    assertThat(
            ids(list(org.staff(), filter("status", "open") + "&" + filter("priority", "urgent"))))
        .containsExactly(alarm);
    assertThat(ids(list(org.staff(), filter("assignee_id", org.staffUser().id().toString()))))
        .containsExactly(printer);

    Map<String, String> createdAt = new HashMap<>();
    all.json().forEach(t -> createdAt.put(t.get("id").asString(), t.get("created_at").asString()));
    assertThat(
            ids(
                list(
                    org.staff(),
                    filter("created_at", createdAt.get(alarm) + ".." + createdAt.get(refund))
                        + "&sort=created_at:asc")))
        .containsExactly(alarm, parcel);
    assertThat(ids(list(org.staff(), filter("created_at", createdAt.get(parcel) + ".."))))
        .containsExactly(refund, parcel);
    String firstDay = createdAt.get(printer).substring(0, 10);
    String lastDay = createdAt.get(refund).substring(0, 10);
    assertThat(ids(list(org.staff(), filter("created_at", firstDay + ".." + lastDay))))
        .containsExactly(refund, parcel, alarm, printer);
    Response longAgo = list(org.staff(), filter("created_at", "2020-01-01..2020-12-31"));
    assertThat(ids(longAgo)).isEmpty();
    assertThat(header(longAgo, "X-Total-Count")).isEqualTo("0");
    assertThat(header(longAgo, "X-Page-Count")).isEqualTo("0");

    assertThat(ids(list(org.staff(), "search=PARCEL"))).containsExactly(parcel);
    assertThat(ids(list(org.staff(), "search=blue%20label"))).containsExactly(parcel);
    assertThat(ids(list(org.staff(), "search=alarm"))).containsExactly(alarm);
    assertThat(ids(list(org.staff(), "search=100%25"))).containsExactly(parcel);
    assertThat(ids(list(org.staff(), "search=%25"))).containsExactly(parcel);
    assertThat(ids(list(org.staff(), "search=_"))).isEmpty();

    Response firstPage = list(org.staff(), "size=3");
    assertThat(ids(firstPage)).containsExactly(refund, parcel, alarm);
    assertThat(header(firstPage, "X-Total-Count")).isEqualTo("4");
    assertThat(header(firstPage, "X-Page-Count")).isEqualTo("2");
    assertThat(header(firstPage, "X-Current-Page")).isEqualTo("1");
    Response secondPage = list(org.staff(), "page=2&size=3");
    assertThat(ids(secondPage)).containsExactly(printer);
    assertThat(header(secondPage, "X-Current-Page")).isEqualTo("2");
    Response beyond = list(org.staff(), "page=3&size=3");
    assertThat(ids(beyond)).isEmpty();
    assertThat(header(beyond, "X-Total-Count")).isEqualTo("4");
    assertThat(ids(list(org.staff(), "size=100"))).hasSize(4);

    assertThat(invalidField(list(org.staff(), "size=101"))).isEqualTo("size");
    assertThat(invalidField(list(org.staff(), "size=0"))).isEqualTo("size");
    assertThat(invalidField(list(org.staff(), "page=0"))).isEqualTo("page");
    assertThat(invalidField(list(org.staff(), "sort=severity:desc"))).isEqualTo("sort");
    assertThat(invalidField(list(org.staff(), "sort=priority:up"))).isEqualTo("sort");
    assertThat(invalidField(list(org.staff(), filter("status", "done"))))
        .isEqualTo("filter[status]");
    assertThat(invalidField(list(org.staff(), filter("priority", "critical"))))
        .isEqualTo("filter[priority]");
    assertThat(invalidField(list(org.staff(), filter("created_at", "last week"))))
        .isEqualTo("filter[created_at]");
  }

  @Test
  void onlyStaffChangeStatusPriorityAndAssignee() {
    Org org = organization();
    JsonNode opened = open(org.customer(), Map.of("title", "Cannot log in", "priority", "low"));
    String id = opened.get("id").asString();
    String path = "/support/tickets/" + id;

    assertHeliosError(
        org.customer().put(path, Map.of("status", "closed")), 403, "AUTHORIZATION_ERROR");
    assertHeliosError(
        org.customer().put(path, Map.of("priority", "urgent")), 403, "AUTHORIZATION_ERROR");
    assertThat(org.customer().get(path).json().get("status").asString()).isEqualTo("open");
    assertHeliosError(org.otherCustomer().put(path, Map.of("status", "closed")), 404, "NOT_FOUND");

    Response taken =
        org.staff()
            .put(
                path,
                Map.of(
                    "status",
                    "in_progress",
                    "priority",
                    "urgent",
                    "assignee_id",
                    org.staffUser().id().toString()));

    assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
    JsonNode inProgress = taken.json();
    assertThat(inProgress.get("status").asString()).isEqualTo("in_progress");
    assertThat(inProgress.get("priority").asString()).isEqualTo("urgent");
    assertThat(inProgress.get("assignee_id").asString()).isEqualTo(org.staffUser().id().toString());
    assertThat(inProgress.get("resolved_at").isNull()).isTrue();
    assertThat(inProgress.get("title").asString()).isEqualTo("Cannot log in");
    assertThat(Instant.parse(inProgress.get("updated_at").asString()))
        .isAfter(Instant.parse(opened.get("updated_at").asString()));

    JsonNode unchanged = org.staff().put(path, Map.of()).json();
    assertThat(unchanged.get("status").asString()).isEqualTo("in_progress");
    assertThat(unchanged.get("priority").asString()).isEqualTo("urgent");
    assertThat(unchanged.get("assignee_id").asString()).isEqualTo(org.staffUser().id().toString());

    Instant beforeResolving = Instant.now();
    JsonNode resolved = org.staff().put(path, Map.of("status", "resolved")).json();
    assertThat(resolved.get("status").asString()).isEqualTo("resolved");
    assertThat(resolved.get("priority").asString()).isEqualTo("urgent");
    assertThat(Instant.parse(resolved.get("resolved_at").asString()))
        .isAfterOrEqualTo(beforeResolving.minusSeconds(5));
    JsonNode read = org.customer().get(path).json();
    assertThat(read.get("status").asString()).isEqualTo("resolved");
    assertThat(read.get("resolved_at").isNull()).isFalse();

    JsonNode closed = org.staff().put(path, Map.of("status", "closed")).json();
    assertThat(closed.get("resolved_at").isNull()).isFalse();
    JsonNode reopened = org.staff().put(path, Map.of("status", "open")).json();
    assertThat(reopened.get("status").asString()).isEqualTo("open");
    assertThat(reopened.get("resolved_at").isNull()).isTrue();

    TestUser manager = TestUsers.create(org.staffUser().orgId(), "manager");
    Response byManager = as(manager).put(path, Map.of("priority", "medium"));
    assertThat(byManager.status()).as(byManager.toString()).isEqualTo(200);
    assertThat(byManager.json().get("priority").asString()).isEqualTo("medium");

    assertThat(invalidField(org.staff().put(path, Map.of("status", "done")))).isEqualTo("status");
    assertThat(invalidField(org.staff().put(path, Map.of("priority", "critical"))))
        .isEqualTo("priority");
    assertHeliosError(
        org.staff().put("/support/tickets/" + UUID.randomUUID(), Map.of("status", "closed")),
        404,
        "NOT_FOUND");
  }
}
