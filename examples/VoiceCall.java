// Plays one turn of a Voice Sales Trainer call through the gateway: creates a session on a
// scenario, opens /ws/voice/{id} with the token in the Authorization header, streams a WAV file
// (16-bit PCM, any rate, mono or stereo) in real time, prints the transcript and the coaching,
// saves each of the prospect's spoken answers as prospect-<n>.wav, then ends the call and prints
// its score. Needs only a JDK (21 or newer):
//
//   java examples/VoiceCall.java <access token> <recording.wav> [scenario id]
//   java examples/VoiceCall.java <access token> --say "Hi Sarah, what are your biggest challenges?"
//
// --say has the suite synthesize the sentence first (POST /api/v1/voice/synthesize), so a call
// can be tried without a microphone. The gateway defaults to http://localhost:8080;
// DEALFLOW_URL moves it.

import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

public class VoiceCall {

  /** The library's discovery call: Sarah Johnson, VP of Operations. */
  private static final String DISCOVERY = "8d6a2f10-0c1e-4b7a-9f01-5a1e00000002";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: java examples/VoiceCall.java <access token> <recording.wav | --say text>"
              + " [scenario id]");
      System.exit(2);
    }
    String base = System.getenv().getOrDefault("DEALFLOW_URL", "http://localhost:8080");
    String token = args[0];
    boolean say = args[1].equals("--say");
    String scenario = args.length > (say ? 3 : 2) ? args[say ? 3 : 2] : DISCOVERY;
    byte[] wav = say ? synthesize(base, token, args[2]) : Files.readAllBytes(Path.of(args[1]));

    AudioInputStream audio = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav));
    AudioFormat format = audio.getFormat();
    if (format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED
        || format.getSampleSizeInBits() != 16) {
      throw new IllegalArgumentException("The WAV must be 16-bit PCM, not " + format);
    }
    byte[] pcm = audio.readAllBytes();
    if (format.isBigEndian()) {
      for (int i = 0; i + 1 < pcm.length; i += 2) {
        byte swap = pcm[i];
        pcm[i] = pcm[i + 1];
        pcm[i + 1] = swap;
      }
    }

    String session =
        post(base + "/api/v1/sessions", token, "{\"scenario_id\":\"" + scenario + "\"}");
    String socketUrl = field(session, "websocket_url");
    System.out.println("session " + field(session, "id") + " -> " + socketUrl);

    Listener listener = new Listener();
    WebSocket socket =
        HTTP.newWebSocketBuilder()
            .header("Authorization", "Bearer " + token)
            .buildAsync(URI.create(socketUrl), listener)
            .get(10, TimeUnit.SECONDS);
    int rate = (int) format.getSampleRate();
    int channels = format.getChannels();
    socket
        .sendText(
            "{\"type\":\"config\",\"data\":{\"sample_rate\":%d,\"channels\":%d,\"format\":\"pcm\"}}"
                .formatted(rate, channels),
            true)
        .join();
    listener.await("ai_response"); // the prospect picks up: let it finish before speaking
    Thread.sleep(listener.lastDurationMillis);

    int chunk = rate * channels * 2 / 10; // 100 ms
    for (int at = 0; at < pcm.length; at += chunk) {
      send(socket, Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + chunk)));
      Thread.sleep(100);
    }
    for (int i = 0; i < 10; i++) { // a second of silence ends the rep's turn
      send(socket, new byte[chunk]);
      Thread.sleep(100);
    }
    listener.await("ai_response");
    socket.sendText("{\"type\":\"control\",\"action\":\"end\"}", true).join();
    listener.await("session_ended");
  }

  private static void send(WebSocket socket, byte[] pcm) {
    socket
        .sendText(
            "{\"type\":\"audio\",\"data\":\"" + Base64.getEncoder().encodeToString(pcm) + "\"}",
            true)
        .join();
  }

  private static byte[] synthesize(String base, String token, String text) throws Exception {
    String body =
        "{\"text\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"format\":\"wav\"}";
    String preview = post(base + "/api/v1/voice/synthesize", token, body);
    HttpRequest get =
        HttpRequest.newBuilder(URI.create(field(preview, "audio_url")))
            .header("Authorization", "Bearer " + token)
            .build();
    return HTTP.send(get, HttpResponse.BodyHandlers.ofByteArray()).body();
  }

  private static String post(String url, String token, String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }

  /** Prints what the call says and saves the prospect's audio. */
  static final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    private final LinkedBlockingQueue<String> types = new LinkedBlockingQueue<>();
    private int answers;
    volatile long lastDurationMillis;

    void await(String type) throws InterruptedException {
      while (true) {
        String next = types.poll(60, TimeUnit.SECONDS);
        if (next == null) {
          throw new IllegalStateException("no " + type + " within 60 s");
        }
        if (next.equals(type)) {
          return;
        }
      }
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      socket.request(1);
      if (!last) {
        return null;
      }
      String message = partial.toString();
      partial.setLength(0);
      String type = field(message, "type");
      switch (type) {
        case "transcript" -> {
          if (message.contains("\"is_final\":true")) {
            System.out.println("you said: " + field(message, "text"));
          }
        }
        case "coaching" -> System.out.println("coach:    " + field(message, "message"));
        case "ai_response" -> {
          System.out.println("prospect: " + field(message, "text"));
          Matcher duration = Pattern.compile("\"duration\"\\s*:\\s*([0-9.]+)").matcher(message);
          lastDurationMillis =
              duration.find() ? (long) (Double.parseDouble(duration.group(1)) * 1000) : 0;
          try {
            File saved = new File("prospect-" + (++answers) + ".wav");
            Files.write(saved.toPath(), Base64.getDecoder().decode(field(message, "audio")));
            System.out.println("          (saved " + saved + ")");
          } catch (Exception noAudio) {
            System.out.println("          (no audio: " + noAudio.getMessage() + ")");
          }
        }
        case "session_ended" -> System.out.println("ended:    " + message);
        case "error" -> System.out.println("error:    " + message);
        default -> { }
      }
      types.add(type);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
      types.add("closed");
      return CompletableFuture.completedFuture(null);
    }
  }
}
