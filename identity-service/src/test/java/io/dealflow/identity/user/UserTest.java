package io.dealflow.identity.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class UserTest {

  static User named(String first, String last, @Nullable String preferred) {
    Instant now = Instant.parse("2025-01-01T00:00:00Z");
    return new User(
        UserId.of(UUID.randomUUID()),
        "grace@example.com",
        first,
        last,
        preferred,
        null,
        true,
        now,
        now,
        null,
        0);
  }

  @Test
  void displayNameIsTheChosenNameWhenThereIsOne() {
    assertThat(named("Grace", "Hopper", "Amazing Grace").displayName()).isEqualTo("Amazing Grace");
  }

  @Test
  void displayNameFallsBackToTheFullNameThenTheEmail() {
    assertThat(named("Grace", "Hopper", null).displayName()).isEqualTo("Grace Hopper");
    assertThat(named("", "", "  ").displayName()).isEqualTo("grace@example.com");
  }

  @Test
  void aChangeKeepsWhatItDoesNotMention() {
    User before = named("Grace", "Hopper", null);

    User after = before.apply(new ProfileChange(null, "Murray", null, "Navy"));

    assertThat(after.firstName()).isEqualTo("Grace");
    assertThat(after.lastName()).isEqualTo("Murray");
    assertThat(after.company()).isEqualTo("Navy");
    assertThat(after.sameNamesAs(before)).isFalse();
  }
}
