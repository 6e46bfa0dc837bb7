package io.dealflow.training.call;

import io.dealflow.training.prospect.ProspectReply;
import io.dealflow.training.scoring.CoachingTip;
import io.dealflow.training.speech.Speech;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The server's messages on the call socket, in the Voice Sales Trainer's shapes: {@code {"type",
 * "data"}}, and errors as {@code {"type":"error","error_code","message","retry_allowed"}}.
 */
final class CallMessages {

  private CallMessages() {}

  static Map<String, Object> message(String type, Map<String, ?> data) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("type", type);
    message.put("data", data);
    return message;
  }

  static Map<String, Object> error(String code, String text, boolean retryAllowed) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", "error");
    error.put("error_code", code);
    error.put("message", text);
    error.put("retry_allowed", retryAllowed);
    return error;
  }

  static Map<String, Object> transcript(String text, boolean isFinal, @Nullable Double confidence) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("speaker", "user");
    data.put("text", text);
    data.put("is_final", isFinal);
    if (confidence != null) {
      data.put("confidence", Math.round(confidence * 100) / 100.0);
    }
    return message("transcript", data);
  }

  static Map<String, Object> aiResponse(ProspectReply reply, @Nullable Speech speech) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("text", reply.text());
    data.put("audio", speech == null ? null : Base64.getEncoder().encodeToString(speech.bytes()));
    data.put("sentiment", reply.sentiment());
    data.put("intent", reply.intent());
    data.put("format", speech == null ? null : speech.format().wireName());
    data.put("duration", speech == null ? null : speech.duration().toMillis() / 1000.0);
    return message("ai_response", data);
  }

  static Map<String, Object> coaching(CoachingTip tip) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("message", tip.message());
    data.put("category", tip.category());
    data.put("urgency", tip.urgency());
    data.put("rule", tip.rule());
    return message("coaching", data);
  }
}
