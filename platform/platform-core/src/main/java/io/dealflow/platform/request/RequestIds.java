package io.dealflow.platform.request;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code X-Request-Id} rules. A caller's id is kept when it is short and plain, so that one id
 * follows a request through the gateway and every service; anything else is replaced, because the
 * id ends up in logs and headers.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";

  /** The key under which logs carry the id (MDC). */
  public static final String MDC_KEY = "request_id";

  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private RequestIds() {}

  public static String acceptOrGenerate(@Nullable String incoming) {
    if (incoming != null && ACCEPTABLE.matcher(incoming).matches()) {
      return incoming;
    }
    return generate();
  }

  public static String generate() {
    return UUID.randomUUID().toString();
  }
}
