package io.dealflow.platform.ai;

import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIServiceException;
import io.dealflow.platform.ai.AiProviderException.Reason;
import java.io.IOException;
import java.io.InterruptedIOException;

/** Turns what the OpenAI client throws into {@link AiProviderException}. */
final class AiFailures {

  private AiFailures() {}

  /**
   * The provider's failure as an {@link AiProviderException}; anything else (a fault of an offline
   * model, say) unchanged.
   */
  static Throwable translate(Throwable failure) {
    if (failure instanceof AiProviderException) {
      return failure;
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof OpenAIServiceException service) {
        return fromStatus(service);
      }
      if (cause instanceof InterruptedIOException) {
        return new AiProviderException(
            Reason.TIMED_OUT, null, "The AI provider did not answer in time", failure);
      }
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException || cause instanceof OpenAIException) {
        return new AiProviderException(
            Reason.UNAVAILABLE,
            null,
            "The AI provider could not be reached or broke off: " + cause.getMessage(),
            failure);
      }
    }
    return failure;
  }

  static RuntimeException translate(RuntimeException failure) {
    return translate((Throwable) failure) instanceof RuntimeException translated
        ? translated
        : failure;
  }

  private static AiProviderException fromStatus(OpenAIServiceException failure) {
    int status = failure.statusCode();
    Reason reason =
        switch (status) {
          case 401, 403 -> Reason.NOT_AUTHORIZED;
          case 408 -> Reason.TIMED_OUT;
          case 429 -> Reason.RATE_LIMITED;
          default -> status >= 400 && status < 500 ? Reason.REJECTED : Reason.UNAVAILABLE;
        };
    // A refused key is echoed in part by some providers: keep their words out of the message.
    String message =
        reason == Reason.NOT_AUTHORIZED
            ? "The AI provider refused the credentials (HTTP "
                + status
                + "): check dealflow.ai.api-key"
            : "The AI provider answered HTTP " + status + ": " + failure.getMessage();
    return new AiProviderException(reason, status, message, failure);
  }
}
