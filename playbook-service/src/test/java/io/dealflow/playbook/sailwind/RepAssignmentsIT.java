package io.dealflow.playbook.sailwind;

import static io.dealflow.platform.test.EventProbe.about;
import static io.dealflow.platform.test.EventProbe.ofType;
import static io.dealflow.playbook.sailwind.CatalogueIT.assertHelloSalesError;
import static io.dealflow.playbook.sailwind.CatalogueIT.created;
import static io.dealflow.playbook.sailwind.CatalogueIT.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.devstack.Devstack;
import io.dealflow.platform.test.EventProbe;
import io.dealflow.playbook.Events;
import io.dealflow.playbook.RunningIdentity;
import io.dealflow.playbook.RunningIdentity.Team;
import io.dealflow.playbook.RunningPlaybookService;
import io.dealflow.playbook.Sailwind;
import io.dealflow.playbook.Sailwind.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rep assignments and practice sessions against the real identity-service (membership), Kafka
 * (rep.assigned, practice.session.started, training.session.completed) and tenancy.
 */
class RepAssignmentsIT extends RunningPlaybookService {

  private static final Duration EVENT_WAIT = Duration.ofSeconds(30);
  private static EventProbe events;

  @DynamicPropertySource
  static void identity(DynamicPropertyRegistry registry) {
    registry.add("dealflow.playbook.identity-uri", RunningIdentity::url);
  }

  @BeforeAll
  static void listen() {
    events =
        new EventProbe(
            Devstack.kafka().bootstrapServers(),
            List.of("rep.assigned", "practice.session.started"));
  }

  @AfterAll
  static void stopListening() {
    events.close();
  }

  /** A product, a client and an approved strategy for them, made by the team's admin. */
  record Playbook(String productId, String clientId, String strategyId) {}

  Playbook playbook(Team team) {
    Sailwind admin = as(team.adminToken());
    String product = created(admin.post("/products", Map.of("name", "Pipeline Analytics")));
    String client = created(admin.post("/clients", Map.of("name", "Contoso")));
    String strategy =
        created(
            admin.post(
                "/strategies",
                Map.of(
                    "productId",
                    product,
                    "clientId",
                    client,
                    "strategyText",
                    "Lead with the forecast miss",
                    "status",
                    "approved")));
    return new Playbook(product, client, strategy);
  }

  static Map<String, Object> assignment(
      UUID userId, Playbook playbook, @Nullable String strategyId, int minutes) {
    Map<String, Object> body = new HashMap<>();
    body.put("userId", userId.toString());
    body.put("productId", playbook.productId());
    body.put("clientId", playbook.clientId());
    body.put("strategyId", strategyId);
    body.put("minPracticeMinutes", minutes);
    return body;
  }

  String assign(Team team, Playbook playbook, int minutes) {
    return created(
        as(team.adminToken())
            .post(
                "/rep-assignments",
                assignment(team.repId(), playbook, playbook.strategyId(), minutes)));
  }

  @Test
  void anAdminAssignsAMemberWhoSeesTheAssignmentWithItsPractice() {
    Team team = RunningIdentity.team("Assign Co");
    Playbook playbook = playbook(team);

    Response created =
        as(team.adminToken())
            .post(
                "/rep-assignments", assignment(team.repId(), playbook, playbook.strategyId(), 30));

    String id = created(created);
    JsonNode json = created.json();
    assertThat(json.propertyNames())
        .containsExactlyInAnyOrder(
            "id",
            "userId",
            "productId",
            "clientId",
            "strategyId",
            "minPracticeMinutes",
            "practicedMinutes",
            "practiceComplete",
            "organizationId",
            "createdAt",
            "updatedAt");
    assertThat(json.get("userId").asString()).isEqualTo(team.repId().toString());
    assertThat(json.get("strategyId").asString()).isEqualTo(playbook.strategyId());
    assertThat(json.get("minPracticeMinutes").asInt()).isEqualTo(30);
    assertThat(json.get("practicedMinutes").asInt()).isZero();
    assertThat(json.get("practiceComplete").asBoolean()).isFalse();
    assertThat(json.get("organizationId").asString()).isEqualTo(team.orgId().toString());
    JsonNode mine = as(team.repToken()).get("/my/rep-assignments").json();
    assertThat(mine.size()).isEqualTo(1);
    assertThat(mine.get(0)).isEqualTo(json);
    assertThat(as(team.adminToken()).get("/my/rep-assignments").json().size()).isZero();
    EventProbe.Received event = events.await(about(id).and(ofType("rep.assigned")), EVENT_WAIT);
    assertThat(event.envelope().get("orgid").asString()).isEqualTo(team.orgId().toString());
    assertThat(event.data().get("user_id").asString()).isEqualTo(team.repId().toString());
    assertThat(event.data().get("strategy_id").asString()).isEqualTo(playbook.strategyId());
    assertThat(event.data().get("min_practice_minutes").asInt()).isEqualTo(30);
    assertThat(event.data().get("assigned_by").asString()).isEqualTo(team.adminId().toString());
  }

  @Test
  void aRepCannotAssign() {
    Team team = RunningIdentity.team("Rep Co");
    Playbook playbook = playbook(team);

    Response refused =
        as(team.repToken()).post("/rep-assignments", assignment(team.repId(), playbook, null, 10));

    assertHelloSalesError(refused, 403, "FORBIDDEN");
    assertThat(as(team.repToken()).get("/my/rep-assignments").json().size()).isZero();
  }

  @Test
  void aUserWhoIsNotAMemberOfTheOrganizationCannotBeAssigned() {
    Team team = RunningIdentity.team("Members Co");
    Team other = RunningIdentity.team("Other Co");
    Playbook playbook = playbook(team);
    Sailwind admin = as(team.adminToken());

    assertHelloSalesError(
        admin.post("/rep-assignments", assignment(other.repId(), playbook, null, 10)),
        404,
        "NOT_FOUND");
    assertHelloSalesError(
        admin.post("/rep-assignments", assignment(UUID.randomUUID(), playbook, null, 10)),
        404,
        "NOT_FOUND");
    assertThat(as(other.repToken()).get("/my/rep-assignments").json().size()).isZero();
  }

  @Test
  void anAssignmentNeedsTheOrganizationsUsableProductClientAndApprovedStrategy() {
    Team team = RunningIdentity.team("Rules Co");
    Team other = RunningIdentity.team("Foreign Co");
    Playbook playbook = playbook(team);
    Playbook foreign = playbook(other);
    Sailwind admin = as(team.adminToken());
    String draft =
        created(
            admin.post(
                "/strategies",
                Map.of(
                    "productId", playbook.productId(),
                    "clientId", playbook.clientId(),
                    "strategyText", "Not ready")));
    String otherClient = created(admin.post("/clients", Map.of("name", "Fabrikam")));
    Map<String, Object> mismatched = assignment(team.repId(), playbook, playbook.strategyId(), 5);
    mismatched.put("clientId", otherClient);

    assertHelloSalesError(
        admin.post(
            "/rep-assignments",
            assignment(
                team.repId(),
                new Playbook(foreign.productId(), playbook.clientId(), playbook.strategyId()),
                null,
                5)),
        404,
        "NOT_FOUND");
    assertHelloSalesError(
        admin.post("/rep-assignments", assignment(team.repId(), playbook, foreign.strategyId(), 5)),
        404,
        "NOT_FOUND");
    assertHelloSalesError(
        admin.post("/rep-assignments", assignment(team.repId(), playbook, draft, 5)),
        400,
        "VALIDATION_ERROR");
    assertHelloSalesError(admin.post("/rep-assignments", mismatched), 400, "VALIDATION_ERROR");
    assertHelloSalesError(
        admin.post("/rep-assignments", assignment(team.repId(), playbook, null, -1)),
        400,
        "VALIDATION_ERROR");
    assertThat(as(team.repToken()).get("/my/rep-assignments").json().size()).isZero();
  }

  @Test
  void aRepStartsPracticeSessionsAndListsThemNewestFirst() {
    Team team = RunningIdentity.team("Practice Co");
    Playbook playbook = playbook(team);
    String assignmentId = assign(team, playbook, 20);
    Sailwind rep = as(team.repToken());

    Response first = rep.post("/practice-sessions", Map.of("repAssignmentId", assignmentId));
    Response second = rep.post("/practice-sessions", Map.of("strategyId", playbook.strategyId()));

    String firstId = created(first);
    String secondId = created(second);
    assertThat(first.json().propertyNames())
        .containsExactlyInAnyOrder(
            "id",
            "userId",
            "strategyId",
            "repAssignmentId",
            "organizationId",
            "createdAt",
            "updatedAt");
    assertThat(first.json().get("strategyId").asString()).isEqualTo(playbook.strategyId());
    assertThat(first.json().get("repAssignmentId").asString()).isEqualTo(assignmentId);
    assertThat(first.json().get("userId").asString()).isEqualTo(team.repId().toString());
    assertThat(second.json().get("repAssignmentId").isNull()).isTrue();
    assertThat(ids(rep.get("/my/practice-sessions"))).containsExactly(secondId, firstId);
    assertThat(ids(rep.get("/my/practice-sessions?limit=1"))).containsExactly(secondId);
    assertThat(ids(as(team.adminToken()).get("/my/practice-sessions"))).isEmpty();
    EventProbe.Received started =
        events.await(about(firstId).and(ofType("practice.session.started")), EVENT_WAIT);
    assertThat(started.data().get("user_id").asString()).isEqualTo(team.repId().toString());
    assertThat(started.data().get("rep_assignment_id").asString()).isEqualTo(assignmentId);
    assertThat(started.data().get("strategy_id").asString()).isEqualTo(playbook.strategyId());
  }

  @Test
  void practiceSessionsRefuseWhatIsNotTheCallersAndOutOfBoundLimits() {
    Team team = RunningIdentity.team("Bounds Co");
    Team other = RunningIdentity.team("Strangers Co");
    Playbook playbook = playbook(team);
    Playbook foreign = playbook(other);
    String assignmentId = assign(team, playbook, 20);
    Sailwind rep = as(team.repToken());

    assertHelloSalesError(
        as(team.adminToken()).post("/practice-sessions", Map.of("repAssignmentId", assignmentId)),
        404,
        "NOT_FOUND");
    assertHelloSalesError(
        as(other.repToken()).post("/practice-sessions", Map.of("repAssignmentId", assignmentId)),
        404,
        "NOT_FOUND");
    assertHelloSalesError(
        rep.post("/practice-sessions", Map.of("strategyId", foreign.strategyId())),
        404,
        "NOT_FOUND");
    assertHelloSalesError(rep.post("/practice-sessions", Map.of()), 400, "VALIDATION_ERROR");
    for (String limit : List.of("0", "201", "-5")) {
      assertHelloSalesError(
          rep.get("/my/practice-sessions?limit=" + limit), 400, "VALIDATION_ERROR");
    }
    assertThat(rep.get("/my/practice-sessions?limit=200").status()).isEqualTo(200);
    assertThat(ids(rep.get("/my/practice-sessions"))).isEmpty();
  }

  @Test
  void completedTrainingCountsOnceTowardsTheAssignmentOfItsPracticeSession() throws Exception {
    Team team = RunningIdentity.team("Credit Co");
    Team other = RunningIdentity.team("Elsewhere Co");
    Playbook playbook = playbook(team);
    String assignmentId = assign(team, playbook, 4);
    Sailwind rep = as(team.repToken());
    UUID sessionId =
        UUID.fromString(
            created(rep.post("/practice-sessions", Map.of("repAssignmentId", assignmentId))));

    ObjectNode twoAndAHalfMinutes =
        Events.trainingSessionCompleted(team.orgId(), team.repId(), 150, sessionId);
    Events.publish(twoAndAHalfMinutes);
    Events.publish(twoAndAHalfMinutes);
    Events.publish(Events.trainingSessionCompleted(other.orgId(), team.repId(), 600, sessionId));
    Events.publish(Events.trainingSessionCompleted(team.orgId(), other.repId(), 600, sessionId));
    Events.publish(Events.trainingSessionCompleted(team.orgId(), team.repId(), 90, sessionId));

    JsonNode progress = awaitPracticedMinutes(rep, 4);
    Thread.sleep(2000);
    JsonNode settled = rep.get("/my/rep-assignments").json().get(0);
    assertThat(progress.get("id").asString()).isEqualTo(assignmentId);
    assertThat(settled.get("practicedMinutes").asInt()).isEqualTo(4);
    assertThat(settled.get("practiceComplete").asBoolean()).isTrue();
    assertThat(settled.get("minPracticeMinutes").asInt()).isEqualTo(4);
  }

  private static JsonNode awaitPracticedMinutes(Sailwind rep, int minutes)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(EVENT_WAIT);
    JsonNode assignment = rep.get("/my/rep-assignments").json().get(0);
    while (assignment.get("practicedMinutes").asInt() < minutes
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      assignment = rep.get("/my/rep-assignments").json().get(0);
    }
    assertThat(assignment.get("practicedMinutes").asInt())
        .as(assignment.toString())
        .isEqualTo(minutes);
    return assignment;
  }
}
