package io.dealflow.platform.events;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Tells a failure that is not the event's fault from one that is. The first kind — the database or
 * another dependency unreachable, a timeout, a lock or serialization conflict — would fail any
 * event just the same, so the consumer waits and tries the same event again for as long as it
 * takes; only the second kind counts against the event's retry budget and can end in a dead letter.
 */
final class Failures {

  private Failures() {}

  /** Whether the failure or any of its causes says that a dependency, not the event, failed. */
  static boolean isTransient(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof EventRejectedException) {
        return false;
      }
      if (cause instanceof CannotGetJdbcConnectionException
          || cause instanceof CannotCreateTransactionException
          || cause instanceof DataAccessResourceFailureException
          || cause instanceof TransientDataAccessException
          || cause instanceof TransactionTimedOutException
          || cause instanceof SQLTransientException
          || cause instanceof SQLRecoverableException
          || cause instanceof ConnectException
          || cause instanceof SocketTimeoutException
          || cause instanceof HttpTimeoutException
          || cause instanceof TimeoutException) {
        return true;
      }
      if (cause instanceof SQLException sql && isTransientState(sql.getSQLState())) {
        return true;
      }
      if (cause instanceof TransactionSystemException rollbackFailed
          && rollbackFailed.getApplicationException() != null
          && isTransient(rollbackFailed.getApplicationException())) {
        // The rollback after a failure failed too (the connection is gone): the first failure says.
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }

  /**
   * SQLSTATE classes of failures that are the database's, not the statement's: connection
   * exceptions ({@code 08}), insufficient resources ({@code 53}), operator intervention such as a
   * shutdown ({@code 57P}) and transaction rollbacks for serialization failures or deadlocks
   * ({@code 40}).
   */
  private static boolean isTransientState(@Nullable String state) {
    return state != null
        && (state.startsWith("08")
            || state.startsWith("53")
            || state.startsWith("57P")
            || state.startsWith("40"));
  }
}
