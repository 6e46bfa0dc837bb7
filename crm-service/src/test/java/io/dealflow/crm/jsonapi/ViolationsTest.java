package io.dealflow.crm.jsonapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.FieldViolation;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The checks a request body's attributes share: ids the organization has, and wire names. */
class ViolationsTest {

  private static final UUID KNOWN = UUID.fromString("00000000-0000-0000-0000-00000000000a");

  enum Mood {
    CALM,
    ANGRY;

    static final List<String> WIRE_NAMES =
        Arrays.stream(values()).map(m -> m.name().toLowerCase(Locale.ROOT)).toList();

    static Optional<Mood> fromWire(String value) {
      return Arrays.stream(values())
          .filter(m -> m.name().toLowerCase(Locale.ROOT).equals(value))
          .findFirst();
    }
  }

  @Test
  void anIdTheOrganizationHasIsTakenAndAnAbsentOneIsNoError() {
    Violations violations = new Violations("lead");

    assertThat(violations.existing("assistant_id", "Assistant", " " + KNOWN + " ", KNOWN::equals))
        .isEqualTo(KNOWN);
    assertThat(violations.existing("assistant_id", "Assistant", null, KNOWN::equals)).isNull();
    assertThat(violations.isEmpty()).isTrue();
  }

  @Test
  void aMalformedIdAndAnotherOrganizationsIdAreBothNotFound() {
    Violations violations = new Violations("appointment");

    assertThat(violations.existing("lead_id", "Lead", "nope", KNOWN::equals)).isNull();
    assertThat(violations.existing("lead_id", "Lead", UUID.randomUUID().toString(), KNOWN::equals))
        .isNull();

    assertThat(violations(violations))
        .containsExactly(
            new FieldViolation("appointment.lead_id", "not_found", "Lead does not exist"),
            new FieldViolation("appointment.lead_id", "not_found", "Lead does not exist"));
  }

  @Test
  void aWireNameIsReadInAnyCaseAndAnUnknownOneListsTheNames() {
    Violations violations = new Violations("transcript");

    assertThat(violations.oneOf("mood", "Mood", " Calm ", Mood.WIRE_NAMES, Mood::fromWire))
        .isEqualTo(Mood.CALM);
    assertThat(violations.oneOf("mood", "Mood", null, Mood.WIRE_NAMES, Mood::fromWire)).isNull();
    assertThat(violations.oneOf("mood", "Mood", "Sad", Mood.WIRE_NAMES, Mood::fromWire)).isNull();

    assertThat(violations(violations))
        .containsExactly(
            new FieldViolation(
                "transcript.mood", "inclusion", "Mood must be one of calm, angry, not 'Sad'"));
  }

  private static List<FieldViolation> violations(Violations violations) {
    ApiException thrown = catchThrowableOfType(ApiException.class, violations::throwIfAny);
    assertThat(thrown).isNotNull();
    return thrown.error().violations();
  }
}
