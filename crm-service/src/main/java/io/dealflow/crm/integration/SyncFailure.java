package io.dealflow.crm.integration;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A sync that could not be done. {@link #reason()} is for people and ends up in {@code
 * integration.failed}; it never holds credentials.
 */
public class SyncFailure extends RuntimeException {

  private final String reason;
  private final Cause kind;
  private final List<Problem> problems;

  private SyncFailure(String reason, Cause kind, List<Problem> problems) {
    super(reason);
    this.reason = reason;
    this.kind = kind;
    this.problems = List.copyOf(problems);
  }

  /** The provider refused, failed or could not be reached. */
  public static SyncFailure provider(String reason) {
    return new SyncFailure(reason, Cause.PROVIDER, List.of());
  }

  /** The provider refused the credentials. */
  public static SyncFailure credentials(String reason) {
    return new SyncFailure(reason, Cause.CREDENTIALS, List.of());
  }

  /** This crm-service cannot write what was read (e.g. it has no lead import). */
  public static SyncFailure unsupported(String reason) {
    return new SyncFailure(reason, Cause.UNSUPPORTED, List.of());
  }

  /** What was sent with the sync (a file) is not acceptable. */
  public static SyncFailure input(String reason, List<Problem> problems) {
    return new SyncFailure(reason, Cause.INPUT, problems);
  }

  public String reason() {
    return reason;
  }

  public Cause kind() {
    return kind;
  }

  public List<Problem> problems() {
    return problems;
  }

  /** Whose fault a failed sync is, which decides the answer's status. */
  public enum Cause {
    PROVIDER,
    CREDENTIALS,
    INPUT,
    UNSUPPORTED
  }

  /**
   * One thing wrong with a record of the input.
   *
   * @param line the line of the file where the record starts
   * @param column the column at fault, if one is
   * @param message what is wrong, for people
   */
  public record Problem(int line, @Nullable String column, String message) {}
}
