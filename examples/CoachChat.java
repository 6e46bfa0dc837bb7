// Asks the Dealflow playbook coach one question over the HelloSales socket and prints the answer
// as it streams. Needs only a JDK (21 or newer):
//
//   java examples/CoachChat.java <access token> "How do I answer 'we already have CRM reports'?"
//
// The gateway defaults to ws://localhost:8080/ws; DEALFLOW_WS moves it.

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class CoachChat {

  private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern CONTENT = Pattern.compile("\"content\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: java examples/CoachChat.java <access token> <question>");
      System.exit(2);
    }
    String url = System.getenv().getOrDefault("DEALFLOW_WS", "ws://localhost:8080/ws");
    CompletableFuture<Void> done = new CompletableFuture<>();
    WebSocket socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create(url), new Printer(done))
            .get(10, TimeUnit.SECONDS);
    socket.sendText(message("auth", "\"token\":" + quote(args[0])), true).join();
    socket.sendText(message("chat", "\"content\":" + quote(args[1])), true).join();
    done.get(120, TimeUnit.SECONDS);
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
  }

  /** Prints each chunk as it arrives; ends at chat.complete or at an error. */
  private record Printer(CompletableFuture<Void> done) implements WebSocket.Listener {

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      String text = data.toString();
      Matcher type = TYPE.matcher(text);
      String kind = type.find() ? type.group(1) : "";
      switch (kind) {
        case "chat.chunk" -> {
          Matcher content = CONTENT.matcher(text);
          if (content.find()) {
            System.out.print(unescape(content.group(1)));
          }
        }
        case "chat.complete" -> {
          System.out.println();
          done.complete(null);
        }
        case "auth.error", "error" -> {
          System.err.println(text);
          done.complete(null);
        }
        default -> {
          // auth.success and anything else: nothing to print.
        }
      }
      socket.request(1);
      return null;
    }
  }

  private static String message(String type, String payload) {
    return "{\"type\":\"" + type + "\",\"payload\":{" + payload + "}}";
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  private static String unescape(String json) {
    return json.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
  }
}
