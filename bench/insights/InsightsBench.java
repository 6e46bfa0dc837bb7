// VectorOS analytics figures against a running suite (bench/insights-analytics.sh starts it), with a
// JDK (21+) and kafka-clients and slf4j-api on the class path:
//   - lag: a deal created through the gateway (crm commits it) until the workspace's pipeline
//     analytics count it, sequentially, BENCH_INSIGHTS_LAG_DEALS times;
//   - volume: BENCH_INSIGHTS_DEALS deals of the demo organization published to Kafka as crm's relay
//     does (deal.created, then deal.stage.changed: two events each; crm itself is not involved), and
//     how fast insights-service applies them;
//   - analytics latency at that volume: pipeline, conversion and forecast through the gateway;
//   - the operator's rebuild of the read model from the topics (POST /actuator/readmodel): how long
//     it takes for every event the topics hold.
//
// Settings (bench/insights-analytics.sh sets the first ones):
//   BENCH_INSIGHTS_PASSWORD       the demo admin's password (required)
//   BENCH_INSIGHTS_OPS_SECRET     the dealflow-ops client's secret (required for the rebuild)
//   BENCH_INSIGHTS_KAFKA          the suite's Kafka bootstrap address (required)
//   BENCH_INSIGHTS_KEYCLOAK       http://localhost:8180
//   BENCH_INSIGHTS_OUT            where figures.txt goes
//   BENCH_INSIGHTS_LAG_DEALS      200
//   BENCH_INSIGHTS_DEALS          100000
//   BENCH_INSIGHTS_QUERIES        200 per analytics route, after 20 warm-up

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

public class InsightsBench {

  static final String GATEWAY = "http://localhost:8080";
  static final String MANAGEMENT = "http://localhost:9105";
  static final String ORG = "7f3c2a10-0d5e-4c8b-9a51-3e6f1d2b4c01";
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final StringBuilder FIGURES = new StringBuilder();

  public static void main(String[] args) throws Exception {
    String token = login(env("BENCH_INSIGHTS_PASSWORD", null));
    int lagDeals = Integer.parseInt(env("BENCH_INSIGHTS_LAG_DEALS", "200"));
    int deals = Integer.parseInt(env("BENCH_INSIGHTS_DEALS", "100000"));
    int queries = Integer.parseInt(env("BENCH_INSIGHTS_QUERIES", "200"));
    String pipeline = GATEWAY + "/api/v1/workspaces/" + ORG + "/analytics/pipeline";

    line("Insights figures, %s, demo organization %s", Instant.now(), ORG);
    line("machine: %d CPUs, load average %s", Runtime.getRuntime().availableProcessors(), load());
    line("");

    // 1. crm commit -> analytics.
    progress("lag: %d deals created through the gateway, one at a time", lagDeals);
    List<Long> lags = new ArrayList<>();
    long count = count(get(token, pipeline));
    for (int i = 0; i < lagDeals; i++) {
      String body =
          "{\"title\":\"Lag probe %d\",\"value\":%d,\"currency\":\"USD\",\"stage\":\"lead\"}"
              .formatted(i, 1000 + i);
      HttpResponse<String> created =
          send(token, "POST", GATEWAY + "/api/v1/workspaces/" + ORG + "/deals", body);
      if (created.statusCode() != 201) {
        throw new IllegalStateException("create: " + created.statusCode() + " " + created.body());
      }
      long committed = System.nanoTime();
      long expected = count + 1;
      while (count(get(token, pipeline)) < expected) {
        Thread.onSpinWait();
      }
      lags.add(System.nanoTime() - committed);
      count = expected;
    }
    line("LAG: deal created through the gateway (crm committed: 201) -> counted by GET analytics/pipeline");
    header();
    row("crm commit -> analytics (polling the route)", lags);
    line("(each look at the analytics is itself a request through the gateway: the lag includes up to one");
    line(" such request, %.1f ms p50 here)", percentile(timed(token, pipeline, 50), 50));
    line("");

    // 2. Volume, published as crm's relay does.
    progress("volume: publishing %,d deals (%,d events) to Kafka", deals, deals * 2L);
    long publishStarted = System.nanoTime();
    long before = count(get(token, pipeline));
    publish(env("BENCH_INSIGHTS_KAFKA", null), deals);
    double publishSeconds = seconds(publishStarted);
    progress("volume: published in %.0f s; waiting for insights-service to apply them", publishSeconds);
    long applyStarted = System.nanoTime();
    long lastSeen = before;
    long lastProgress = System.nanoTime();
    while (true) {
      long now = count(get(token, pipeline));
      if (now >= before + deals) {
        break;
      }
      if (now != lastSeen) {
        lastSeen = now;
        lastProgress = System.nanoTime();
      } else if (seconds(lastProgress) > 120) {
        throw new IllegalStateException("no progress for 120 s at " + now);
      }
      Thread.sleep(1000);
    }
    double applySeconds = seconds(publishStarted);
    line(
        "VOLUME: %,d deals (%,d events: deal.created, deal.stage.changed) published in %.0f s; all"
            + " applied %.0f s after the first was published: %.0f events/s",
        deals, deals * 2L, publishSeconds, applySeconds, deals * 2 / applySeconds);
    line("");

    // 3. Analytics at that volume.
    long total = count(get(token, pipeline));
    line("ANALYTICS through the gateway, the workspace holding %,d deals (%d warm-up each, sequential)", total, 20);
    header();
    for (String route :
        List.of(
            "analytics/pipeline",
            "analytics/conversion",
            "analytics/forecast",
            "insights")) {
      String url = GATEWAY + "/api/v1/workspaces/" + ORG + "/" + route;
      timed(token, url, 20);
      row("GET " + route, timed(token, url, queries));
    }
    line("");

    // 4. The operator's rebuild.
    String ops = opsToken(env("BENCH_INSIGHTS_OPS_SECRET", null));
    HttpResponse<String> started = send(ops, "POST", MANAGEMENT + "/actuator/readmodel", "{}");
    if (started.statusCode() != 200 || !started.body().contains("true")) {
      throw new IllegalStateException("rebuild: " + started.statusCode() + " " + started.body());
    }
    long rebuildStarted = System.nanoTime();
    progress("rebuild: started");
    String status;
    while (true) {
      Thread.sleep(1000);
      status = get(ops, MANAGEMENT + "/actuator/readmodel").body();
      if (status.contains("\"running\":false")) {
        break;
      }
    }
    double rebuildSeconds = seconds(rebuildStarted);
    long events = number(status, "\"lastReport\":\\{.*?\"events\":(\\d+)");
    line(
        "REBUILD (POST /actuator/readmodel): %,d events replayed in %.0f s (%.0f events/s; the"
            + " status polled every second)",
        events, rebuildSeconds, events / rebuildSeconds);
    line("report: %s", status);
    long after = count(get(token, pipeline));
    line("pipeline count before the rebuild %,d, after %,d (%s)", total, after, total == after ? "the same" : "DIFFERENT");
    line("machine at the end: load average %s", load());

    String out = env("BENCH_INSIGHTS_OUT", "bench/results/insights");
    Files.createDirectories(Path.of(out));
    Files.writeString(Path.of(out, "figures.txt"), FIGURES);
  }

  static void publish(String bootstrap, int deals) throws Exception {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    String[] stages = {"qualified", "proposal", "negotiation", "won", "lost"};
    Instant base = Instant.now().minus(Duration.ofDays(200));
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < deals; i++) {
        String deal = UUID.randomUUID().toString();
        long value = 1_000 + (i * 7919L) % 90_000;
        Instant created = base.plus(Duration.ofMinutes(i % 250_000));
        Instant moved = created.plus(Duration.ofDays(1 + i % 30));
        String stage = stages[i % stages.length];
        producer.send(
            new ProducerRecord<>(
                "deal.created",
                deal,
                envelope(
                    "deal.created",
                    deal,
                    created,
                    ("{\"deal_id\":\"%s\",\"workspace_id\":\"%s\",\"title\":\"Bench %d\","
                            + "\"value\":%d,\"currency\":\"USD\",\"stage\":\"lead\","
                            + "\"probability\":10,\"assigned_to\":null,\"contact_name\":null,"
                            + "\"company_name\":null,\"expected_close_date\":null,"
                            + "\"closed_at\":null,\"source\":\"manual\",\"external_id\":null,"
                            + "\"created_by\":null,\"created_at\":\"%s\",\"updated_at\":\"%s\","
                            + "\"version\":0}")
                        .formatted(deal, ORG, i, value, created, created))));
        producer.send(
            new ProducerRecord<>(
                "deal.stage.changed",
                deal,
                envelope(
                    "deal.stage.changed",
                    deal,
                    moved,
                    ("{\"deal_id\":\"%s\",\"workspace_id\":\"%s\",\"previous_stage\":\"lead\","
                            + "\"stage\":\"%s\",\"value\":%d}")
                        .formatted(deal, ORG, stage, value))));
        if (i % 50_000 == 49_999) {
          progress("  %,d deals published", i + 1);
        }
      }
      producer.flush();
    }
  }

  static String envelope(String type, String subject, Instant time, String data) {
    return ("{\"specversion\":\"1.0\",\"id\":\"%s\",\"source\":\"/dealflow/crm-service\","
            + "\"type\":\"%s\",\"subject\":\"%s\",\"time\":\"%s\","
            + "\"datacontenttype\":\"application/json\",\"orgid\":\"%s\",\"data\":%s}")
        .formatted(UUID.randomUUID(), type, subject, time, ORG, data);
  }

  static String login(String password) throws Exception {
    HttpResponse<String> reply =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(
                    BodyPublishers.ofString(
                        "{\"email\":\"admin@demo.dealflow.local\",\"password\":\"%s\"}"
                            .formatted(password)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return text(reply.body(), "access_token");
  }

  static String opsToken(String secret) throws Exception {
    String keycloak = env("BENCH_INSIGHTS_KEYCLOAK", "http://localhost:8180");
    HttpResponse<String> reply =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(keycloak + "/realms/dealflow/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=dealflow-ops&client_secret="
                            + URLEncoder.encode(secret, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return text(reply.body(), "access_token");
  }

  static HttpResponse<String> get(String token, String url) throws Exception {
    return send(token, "GET", url, null);
  }

  static HttpResponse<String> send(String token, String method, String url, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token);
    if (body == null) {
      request.GET();
    } else {
      request.header("Content-Type", "application/json");
      request.method(method, BodyPublishers.ofString(body));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static List<Long> timed(String token, String url, int times) throws Exception {
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      long started = System.nanoTime();
      HttpResponse<String> reply = get(token, url);
      if (reply.statusCode() != 200) {
        throw new IllegalStateException(url + ": " + reply.statusCode() + " " + reply.body());
      }
      nanos.add(System.nanoTime() - started);
    }
    return nanos;
  }

  static long count(HttpResponse<String> pipeline) {
    if (pipeline.statusCode() != 200) {
      throw new IllegalStateException(pipeline.statusCode() + " " + pipeline.body());
    }
    return number(pipeline.body(), "\"totals\":\\{\"count\":(\\d+)");
  }

  static long number(String body, String pattern) {
    Matcher matcher = Pattern.compile(pattern).matcher(body);
    if (!matcher.find()) {
      throw new IllegalStateException("no " + pattern + " in " + body);
    }
    return Long.parseLong(matcher.group(1));
  }

  static String text(String body, String field) {
    Matcher matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
    if (!matcher.find()) {
      throw new IllegalStateException("no " + field + " in " + body);
    }
    return matcher.group(1);
  }

  static void header() {
    line("%-52s %5s %8s %8s %8s %8s", "what", "n", "p50 ms", "p95 ms", "p99 ms", "max ms");
  }

  static void row(String what, List<Long> nanos) {
    line(
        "%-52s %5d %8.1f %8.1f %8.1f %8.1f",
        what,
        nanos.size(),
        percentile(nanos, 50),
        percentile(nanos, 95),
        percentile(nanos, 99),
        percentile(nanos, 100));
  }

  static double percentile(List<Long> nanos, double p) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
  }

  static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  static String load() throws Exception {
    String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return parts[0] + " / " + parts[1] + " / " + parts[2] + " (1 / 5 / 15 min)";
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      if (fallback == null) {
        throw new IllegalStateException(name + " is not set");
      }
      return fallback;
    }
    return value;
  }

  static void line(String format, Object... args) {
    String text = args.length == 0 ? format : String.format(Locale.ROOT, format, args);
    System.out.println(text);
    FIGURES.append(text).append('\n');
  }

  static void progress(String format, Object... args) {
    System.out.println("  .. " + String.format(Locale.ROOT, format, args));
  }
}
