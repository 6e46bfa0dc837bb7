package io.dealflow.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class FailuresTest {

  @Test
  void anUnreachableDatabaseOrATimeoutIsNotTheEventsFault() {
    assertThat(
            Failures.isTransient(
                new CannotCreateTransactionException(
                    "no connection",
                    new SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available"))))
        .isTrue();
    assertThat(Failures.isTransient(new CannotGetJdbcConnectionException("down"))).isTrue();
    assertThat(
            Failures.isTransient(
                new IllegalStateException("wrapped", new SQLException("I/O error", "08006"))))
        .isTrue();
    assertThat(Failures.isTransient(new RuntimeException(new SocketTimeoutException("read"))))
        .isTrue();
    TransactionSystemException rollbackFailed =
        new TransactionSystemException("JDBC rollback failed", new SQLException("closed"));
    rollbackFailed.initApplicationException(
        new DataAccessResourceFailureException("An I/O error occurred"));
    assertThat(Failures.isTransient(rollbackFailed)).isTrue();
  }

  @Test
  void whatTheEventCausesIsItsFault() {
    assertThat(Failures.isTransient(new IllegalArgumentException("no such lead"))).isFalse();
    assertThat(
            Failures.isTransient(
                new DataIntegrityViolationException(
                    "duplicate", new SQLException("unique violation", "23505"))))
        .isFalse();
    assertThat(
            Failures.isTransient(
                new EventRejectedException(
                    "refused", new CannotGetJdbcConnectionException("irrelevant"))))
        .isFalse();
  }
}
