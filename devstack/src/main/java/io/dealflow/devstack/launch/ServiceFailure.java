package io.dealflow.devstack.launch;

import io.dealflow.devstack.support.LogTail;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A service that failed: what happened, and the end of its log.
 *
 * @param exitCode its exit code, or null when it was still running (readiness timeout)
 */
public record ServiceFailure(
    String service, String what, @Nullable Integer exitCode, Path logFile, List<String> lastLines) {

  static ServiceFailure of(ServiceProcess process, String what) {
    Integer exitCode = process.isAlive() ? null : process.exitCode();
    return new ServiceFailure(
        process.name(), what, exitCode, process.logFile(), process.lastLogLines());
  }

  /** The report for a person, several lines. */
  public String report() {
    return "%s failed: %s%s.%n  Last %d lines of %s:%n%s"
        .formatted(
            service,
            what,
            exitCode == null ? "" : " (exit code " + exitCode + ")",
            lastLines.size(),
            logFile,
            LogTail.indented(lastLines));
  }
}
