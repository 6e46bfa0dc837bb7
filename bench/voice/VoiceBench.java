// Voice Sales Trainer figures through the gateway, with nothing but a JDK (21+):
//   - turn latency: the end of the rep's speech (the last voiced chunk sent) -> the first
//     fragment of the prospect's ai_response (which carries its audio), p50/p95/max;
//   - lost chunks: audio chunks sent vs the chunks the server says it took (session_ended);
//   - speech to text real-time factor: POST /api/v1/voice/transcribe time / audio length.
//
//   java bench/voice/VoiceBench.java <gateway url> <sessions> <turns per session>
//
// Each session streams synthesized speech in real time (100 ms chunks every 100 ms), then keeps
// streaming silence, as a microphone does, until the prospect answers. Users are registered as
// needed (a user may have 3 open sessions).

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class VoiceBench {

  static final String DISCOVERY = "8d6a2f10-0c1e-4b7a-9f01-5a1e00000002";
  static final String[] LINES = {
    "hello sarah my name is john could we talk about your biggest challenges",
    "how are you handling order approvals today",
    "what would it mean for your team if approvals took one day instead of four"
  };
  static final int CHUNK = 3200; // 100 ms of 16 kHz 16-bit mono
  static final HttpClient HTTP = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int sessions = Integer.parseInt(args[1]);
    int turns = Integer.parseInt(args[2]);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < (sessions + 2) / 3; i++) {
      tokens.add(register(base));
    }
    byte[][] speech = new byte[LINES.length][];
    for (int i = 0; i < LINES.length; i++) {
      byte[] wav = synthesize(base, tokens.get(0), LINES[i]);
      speech[i] = Arrays.copyOfRange(wav, 44, wav.length);
    }

    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicLong sent = new AtomicLong();
    AtomicLong taken = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    CountDownLatch done = new CountDownLatch(sessions);
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int s = 0; s < sessions; s++) {
        String token = tokens.get(s / 3);
        int offset = s;
        threads.submit(
            () -> {
              try {
                Thread.sleep(offset * 150L); // staggered, as people start calls
                play(base, token, turns, speech, latencies, sent, taken);
              } catch (Exception failed) {
                failures.incrementAndGet();
                System.err.println("session failed: " + failed);
              } finally {
                done.countDown();
              }
            });
      }
      done.await();
    }
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf(
        "sessions %d (failed %d), turns %d, turn latency ms p50 %d p95 %d max %d, chunks sent %d"
            + " taken %d lost %d%n",
        sessions,
        failures.get(),
        sorted.size(),
        percentile(sorted, 50),
        percentile(sorted, 95),
        sorted.isEmpty() ? -1 : sorted.getLast(),
        sent.get(),
        taken.get(),
        sent.get() - taken.get());

    if (sessions == 1) {
      byte[] clip = concat(speech);
      String wav = Base64.getEncoder().encodeToString(wavOf(clip));
      double seconds = clip.length / 32000.0;
      List<Double> factors = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        long start = System.nanoTime();
        post(
            base + "/api/v1/voice/transcribe",
            tokens.get(0),
            "{\"audio\":\"" + wav + "\",\"format\":\"wav\",\"sample_rate\":16000}");
        factors.add((System.nanoTime() - start) / 1e9 / seconds);
      }
      Collections.sort(factors);
      System.out.printf(
          "speech to text: %.1f s clip, real-time factor median %.2f (min %.2f, max %.2f)%n",
          seconds, factors.get(2), factors.get(0), factors.get(4));
    }
  }

  static void play(
      String base,
      String token,
      int turns,
      byte[][] speech,
      List<Long> latencies,
      AtomicLong sent,
      AtomicLong taken)
      throws Exception {
    String session =
        post(base + "/api/v1/sessions", token, "{\"scenario_id\":\"" + DISCOVERY + "\"}");
    Listener listener = new Listener();
    WebSocket socket =
        HTTP.newWebSocketBuilder()
            .header("Authorization", "Bearer " + token)
            .buildAsync(URI.create(field(session, "websocket_url")), listener)
            .get(10, TimeUnit.SECONDS);
    socket
        .sendText(
            "{\"type\":\"config\",\"data\":{\"sample_rate\":16000,\"channels\":1,\"format\":\"pcm\"}}",
            true)
        .join();
    listener.await("ai_response", 30_000);
    long chunks = 0;
    for (int t = 0; t < turns; t++) {
      byte[] pcm = speech[t % speech.length];
      long next = System.nanoTime();
      for (int at = 0; at < pcm.length; at += CHUNK) {
        audio(socket, Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + CHUNK)));
        chunks++;
        next += 100_000_000L;
        sleepUntil(next);
      }
      long speechEnded = System.nanoTime();
      listener.answeredAt = 0;
      // Silence goes on, as from a microphone, until the prospect answers (at most 5 s).
      while (listener.answeredAt == 0 && System.nanoTime() - speechEnded < 5_000_000_000L) {
        audio(socket, new byte[CHUNK]);
        chunks++;
        next += 100_000_000L;
        sleepUntil(next);
      }
      listener.await("ai_response", 30_000);
      latencies.add((listener.answeredAt - speechEnded) / 1_000_000);
      Thread.sleep(1000); // the rep listens to the answer
    }
    socket.sendText("{\"type\":\"control\",\"action\":\"end\"}", true).join();
    String ended = listener.awaitMessage("session_ended", 30_000);
    Matcher m = Pattern.compile("\"chunks\"\\s*:\\s*(\\d+)").matcher(ended);
    sent.addAndGet(chunks);
    taken.addAndGet(m.find() ? Long.parseLong(m.group(1)) : 0);
  }

  static void audio(WebSocket socket, byte[] pcm) {
    socket
        .sendText(
            "{\"type\":\"audio\",\"data\":\"" + Base64.getEncoder().encodeToString(pcm) + "\"}",
            true)
        .join();
  }

  static void sleepUntil(long nanoTime) throws InterruptedException {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }

  static long percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return -1;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  static String register(String base) throws Exception {
    String email = "bench-" + UUID.randomUUID() + "@example.com";
    String body =
        ("{\"email\":\"%s\",\"password\":\"Bench-Voice-42\",\"first_name\":\"Bench\","
                + "\"last_name\":\"Rep\",\"company\":\"Voice Bench\"}")
            .formatted(email);
    return field(post(base + "/api/v1/auth/register", null, body), "access_token");
  }

  static byte[] synthesize(String base, String token, String text) throws Exception {
    String preview =
        post(
            base + "/api/v1/voice/synthesize",
            token,
            "{\"text\":\"" + text + "\",\"format\":\"wav\"}");
    HttpRequest get =
        HttpRequest.newBuilder(URI.create(field(preview, "audio_url")))
            .header("Authorization", "Bearer " + token)
            .build();
    return HTTP.send(get, HttpResponse.BodyHandlers.ofByteArray()).body();
  }

  static String post(String url, String token, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (int retry = 0; response.statusCode() == 429 && retry < 20; retry++) {
      // Sign-ups are limited per address: wait as told, then try again.
      long wait = response.headers().firstValueAsLong("Retry-After").orElse(10);
      Thread.sleep(Math.max(1, wait) * 1000);
      response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }

  static byte[] concat(byte[][] parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  static byte[] wavOf(byte[] pcm) {
    java.nio.ByteBuffer wav =
        java.nio.ByteBuffer.allocate(44 + pcm.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    wav.put("RIFF".getBytes()).putInt(36 + pcm.length).put("WAVEfmt ".getBytes()).putInt(16)
        .putShort((short) 1).putShort((short) 1).putInt(16000).putInt(32000)
        .putShort((short) 2).putShort((short) 16).put("data".getBytes()).putInt(pcm.length).put(pcm);
    return wav.array();
  }

  /** Keeps the socket's messages; notes when an ai_response's first fragment arrives. */
  static final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    private final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
    volatile long answeredAt;

    void await(String type, long millis) throws InterruptedException {
      awaitMessage(type, millis);
    }

    String awaitMessage(String type, long millis) throws InterruptedException {
      long deadline = System.currentTimeMillis() + millis;
      while (System.currentTimeMillis() < deadline) {
        String next = messages.poll(100, TimeUnit.MILLISECONDS);
        if (next != null && next.contains("\"type\":\"" + type + "\"")) {
          return next;
        }
      }
      throw new IllegalStateException("no " + type + " in time");
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      if (partial.isEmpty() && answeredAt == 0 && data.toString().startsWith("{\"type\":\"ai_response\"")) {
        answeredAt = System.nanoTime();
      }
      partial.append(data);
      if (last) {
        messages.add(partial.toString());
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }
  }
}
