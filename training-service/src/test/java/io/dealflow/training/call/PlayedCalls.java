package io.dealflow.training.call;

import io.dealflow.platform.test.ApiClient;
import java.util.Map;

/** Plays whole calls with typed turns through the call socket, for tests that need history. */
public final class PlayedCalls {

  /** The library's discovery call. */
  public static final String DISCOVERY = "8d6a2f10-0c1e-4b7a-9f01-5a1e00000002";

  private final int port;
  private final ApiClient api;
  private final String token;

  public PlayedCalls(int port, ApiClient api, String token) {
    this.port = port;
    this.api = api;
    this.token = token;
  }

  /** Creates a session on the discovery call, says each line, ends it; its id. */
  public String play(String... lines) {
    String id = api.post("/sessions", Map.of("scenario_id", DISCOVERY)).json().get("id").asString();
    try (CallClient call = CallClient.open(port, id, token)) {
      call.config();
      call.await("ai_response");
      for (String line : lines) {
        call.send(Map.of("type", "text", "data", line));
        call.await("ai_response");
      }
      call.send(Map.of("type", "control", "action", "end"));
      call.await("session_ended");
    }
    return id;
  }
}
