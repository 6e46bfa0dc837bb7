package io.dealflow.playbook.sailwind;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Reading and writing the column types the Sailwind tables share. */
final class Rows {

  private static final Clock CLOCK = Clock.systemUTC();

  private Rows() {}

  /** Microseconds, as PostgreSQL keeps them, so that what is answered equals what is stored. */
  static Instant now() {
    return CLOCK.instant().truncatedTo(ChronoUnit.MICROS);
  }

  static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return Objects.requireNonNull(rs.getObject(column, OffsetDateTime.class)).toInstant();
  }

  static UUID uuid(ResultSet rs, String column) throws SQLException {
    return Objects.requireNonNull(rs.getObject(column, UUID.class));
  }

  static @Nullable UUID optionalUuid(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, UUID.class);
  }
}
