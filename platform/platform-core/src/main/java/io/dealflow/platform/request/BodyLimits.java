package io.dealflow.platform.request;

import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ErrorKind;
import java.util.List;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body may be, by path: a default for every path (JSON and any other body) and
 * larger limits for the upload routes. The gateway and every service apply the same limits, so that
 * a body refused at the edge is refused by a direct call too.
 *
 * <p>Patterns are Ant style ({@code /api/v1/conversations/*}{@code /audio}); the first one that
 * matches decides.
 */
public final class BodyLimits {

  /**
   * A larger (or smaller) limit for some paths.
   *
   * @param name what the limit is for, e.g. {@code spotlight-audio}
   * @param paths the paths it applies to
   * @param maxBytes the largest body accepted on them
   */
  public record PathLimit(String name, List<String> paths, long maxBytes) {

    public PathLimit {
      paths = List.copyOf(paths);
      if (paths.isEmpty() || maxBytes < 0) {
        throw new IllegalArgumentException(
            "Body limit " + name + " needs paths and a size of at least 0 bytes");
      }
    }
  }

  private final AntPathMatcher matcher = new AntPathMatcher();
  private final long defaultMaxBytes;
  private final List<PathLimit> paths;

  public BodyLimits(DataSize defaultMax, List<PathLimit> paths) {
    if (defaultMax.isNegative()) {
      throw new IllegalArgumentException("The default body limit cannot be negative");
    }
    this.defaultMaxBytes = defaultMax.toBytes();
    this.paths = List.copyOf(paths);
  }

  /** The largest body a request to this path may carry, in bytes. */
  public long maxBytes(String path) {
    for (PathLimit limit : paths) {
      for (String pattern : limit.paths()) {
        if (matcher.match(pattern, path)) {
          return limit.maxBytes();
        }
      }
    }
    return defaultMaxBytes;
  }

  public long defaultMaxBytes() {
    return defaultMaxBytes;
  }

  public List<PathLimit> paths() {
    return paths;
  }

  /** The 413 every refusal answers with, in the route's family format. */
  public static ApiError tooLarge(long maxBytes) {
    return ApiError.of(
            ErrorKind.PAYLOAD_TOO_LARGE, "The request body is larger than " + maxBytes + " bytes")
        .withMeta("max_bytes", maxBytes);
  }
}
