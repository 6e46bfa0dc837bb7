// HeliosCS knowledge figures through the gateway, with a JDK (21+) and, for the bare full-text
// timings, the PostgreSQL JDBC driver on the class path:
//   - retrieval quality of each search mode (full_text, embeddings, hybrid) over the quality set in
//     bench/support/quality: recall@1 and recall@5, and the precision of what the answer writer
//     would cite; for the real pipeline (chat/process) the precision of its citations and, for the
//     questions the knowledge does not cover, how often it declines instead of inventing an answer;
//   - search latency over a large organization (filler passages loaded until it holds
//     BENCH_SUPPORT_PASSAGES), against the bare PostgreSQL full-text query on the same rows;
//   - chat/process latency over the quality questions;
//   - a large PDF's upload: until POST /files/upload answers, and until search finds its text.
//
//   java [-cp postgresql.jar] bench/support/SupportBench.java          the benchmark (see below)
//   java bench/support/SupportBench.java check                         validate the data, offline
//
// Settings come from the environment (bench/support-knowledge.sh sets the first ones):
//   BENCH_SUPPORT_PASSWORD         the demo admin's password (required)
//   BENCH_SUPPORT_EMAIL            admin@demo.dealflow.local
//   BENCH_SUPPORT_GATEWAY          http://localhost:8080
//   BENCH_SUPPORT_DB_ENV           support-service's environment file (.devstack/env/support.env),
//                                  for the JDBC URL, user and password of the support database
//   BENCH_SUPPORT_OUT              where figures.txt and the details go (default: bench/results/<id>)
//   BENCH_SUPPORT_RUN_ID           the run's id (default: the UTC time)
//   BENCH_SUPPORT_PHASES           quality,latency,upload (any subset)
//   BENCH_SUPPORT_PASSAGES         50000: passages the organization holds for the latency figures
//   BENCH_SUPPORT_SOURCE_PASSAGES  100: passages per filler source
//   BENCH_SUPPORT_QUERIES          200: measured searches (and bare full-text queries)
//   BENCH_SUPPORT_WARMUP           50: warm-up searches (and queries) before measuring
//   BENCH_SUPPORT_CHAT_WARMUP      20: warm-up chat questions before each chat measurement
//   BENCH_SUPPORT_PDF_MB           5: size of the uploaded PDF, MiB
//   BENCH_SUPPORT_KEEP             0: 1 leaves the knowledge the run added in place
//   BENCH_SUPPORT_REUSE_FILLER     0: 1 keeps the filler an earlier (interrupted or kept) run left,
//                                  so the quality phase runs with it in the organization
//
// Everything the run adds to the demo organization's knowledge carries metadata
// {"bench": "support-knowledge"} and is removed at the end (and at the start, if an earlier run was
// interrupted); the five seeded policies stay. Chat sessions (customer_id bench-<run id>-...) are
// ended after their question; their messages and any escalation tickets remain.

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

public class SupportBench {

  static final String API = "/api/v1/support";
  static final String TAG = "support-knowledge";
  /** The answer writer's threshold (dealflow.support.chat.answer-threshold) and its limit. */
  static final double ANSWER_THRESHOLD = 0.45;

  static final int CITED_AT_MOST = 3;
  static final String NOT_FOUND = "couldn't find an answer";
  static final List<String> MODES = List.of("full_text", "embeddings", "hybrid");
  static final List<String> STYLES = List.of("paraphrase", "exact", "both");
  static final long FILLER_SEED = 20_261_207L;

  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  // Settings.
  static String gateway;
  static String email;
  static String password;
  static String runId;
  static Path out;
  static Path qualityDir;
  static Set<String> phases;
  static int targetPassages;
  static int sourcePassages;
  static int queries;
  static int warmup;
  static int chatWarmup;
  static double pdfMiB;
  static boolean keep;
  static boolean reuseFiller;

  // Session state.
  static String token;
  static long tokenExpiresAt;
  static int throttled;
  static int gatewayTimeouts;
  static final StringBuilder figures = new StringBuilder();

  public static void main(String[] args) throws Exception {
    qualityDir = Path.of(env("BENCH_SUPPORT_QUALITY_DIR", "bench/support/quality"));
    targetPassages = Integer.parseInt(env("BENCH_SUPPORT_PASSAGES", "50000"));
    sourcePassages = Integer.parseInt(env("BENCH_SUPPORT_SOURCE_PASSAGES", "100"));
    if (args.length > 0 && args[0].equals("check")) {
      System.exit(check() ? 0 : 1);
    }
    gateway = env("BENCH_SUPPORT_GATEWAY", "http://localhost:8080");
    email = env("BENCH_SUPPORT_EMAIL", "admin@demo.dealflow.local");
    password = env("BENCH_SUPPORT_PASSWORD", "");
    if (password.isEmpty()) {
      throw new IllegalStateException("BENCH_SUPPORT_PASSWORD is not set");
    }
    runId =
        env(
            "BENCH_SUPPORT_RUN_ID",
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now()));
    out = Path.of(env("BENCH_SUPPORT_OUT", "bench/results/" + runId + "-support"));
    Files.createDirectories(out);
    phases = new LinkedHashSet<>(List.of(env("BENCH_SUPPORT_PHASES", "quality,latency,upload").split(",")));
    queries = Integer.parseInt(env("BENCH_SUPPORT_QUERIES", "200"));
    warmup = Integer.parseInt(env("BENCH_SUPPORT_WARMUP", "50"));
    chatWarmup = Integer.parseInt(env("BENCH_SUPPORT_CHAT_WARMUP", "20"));
    pdfMiB = Double.parseDouble(env("BENCH_SUPPORT_PDF_MB", "5"));
    keep = env("BENCH_SUPPORT_KEEP", "0").equals("1");
    reuseFiller = env("BENCH_SUPPORT_REUSE_FILLER", "0").equals("1");

    QualitySet set = QualitySet.load(qualityDir);
    login();
    String orgId = claim(token, "org_id");
    line(
        "Support knowledge figures, run %s (%s UTC), demo organization %s",
        runId,
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC).format(Instant.now()),
        orgId);
    line(
        "settings: passages %,d (filler sources of %d), queries %d after %d warm-up, chat warm-up %d,"
            + " PDF %.1f MiB, phases %s",
        targetPassages,
        sourcePassages,
        queries,
        warmup,
        chatWarmup,
        pdfMiB,
        String.join(",", phases));
    line("machine: %d CPUs, %s", Runtime.getRuntime().availableProcessors(), load());
    int failures = 0;
    try {
      int removed = removeBenchSources(reuseFiller);
      if (removed > 0) {
        progress("removed %d knowledge sources an earlier run left behind", removed);
      }
      if (reuseFiller) {
        line(
            "filler: the earlier run's filler is kept (BENCH_SUPPORT_REUSE_FILLER=1): the quality"
                + " figures below are measured with it in the organization");
      }
      Map<String, Integer> loaded = loadQuality(set);
      Inventory before = inventory();
      line(
          "knowledge: %d quality sources (%d passages) added to the organization's %d other sources"
              + " (%d passages: the seeded policies and anything else it holds)",
          loaded.size(),
          loaded.values().stream().mapToInt(Integer::intValue).sum(),
          before.sources() - loaded.size(),
          before.passages() - loaded.values().stream().mapToInt(Integer::intValue).sum());
      line("");
      List<Long> smallChat = null;
      if (phases.contains("quality")) {
        smallChat = quality(set, before.passages());
      }
      if (phases.contains("latency")) {
        latency(set, orgId, smallChat, before.passages());
      }
      if (phases.contains("upload")) {
        upload();
      }
    } catch (Exception e) {
      failures++;
      line("RUN FAILED: %s", e);
      e.printStackTrace();
    } finally {
      if (keep) {
        line("The knowledge this run added stays in the organization (BENCH_SUPPORT_KEEP=1).");
      } else {
        try {
          long started = System.nanoTime();
          int removed = removeBenchSources();
          progress("removed the %d knowledge sources this run added in %.0f s", removed, seconds(started));
        } catch (Exception e) {
          failures++;
          line("Removing the run's knowledge sources failed: %s", e);
        }
      }
      line("machine at the end: %s", load());
      if (throttled > 0) {
        line(
            "NOTE: the gateway answered 429 to %d requests (rate limits); each was retried after"
                + " Retry-After and only the answered attempt was timed.",
            throttled);
      }
      Files.writeString(out.resolve("figures.txt"), figures);
    }
    System.exit(failures == 0 ? 0 : 1);
  }

  // ------------------------------------------------------------------------------------------
  // Retrieval quality

  /** One question's outcome in one search mode. */
  record ModeResult(int rank, int cited, int citedRight, double topConfidence) {}

  /** Returns the chat/process latencies of the quality pass (measured after a warm-up). */
  static List<Long> quality(QualitySet set, int passages) throws Exception {
    progress("quality: %d questions x %d modes", set.questions().size(), MODES.size());
    Map<String, Map<String, ModeResult>> byMode = new LinkedHashMap<>();
    for (String mode : MODES) {
      Map<String, ModeResult> results = new LinkedHashMap<>();
      for (Question q : set.questions()) {
        results.put(q.id(), searchResult(set, q, mode));
      }
      byMode.put(mode, results);
    }
    progress("quality: chat/process, %d warm-up questions, then each question in a new session", chatWarmup);
    chatWarmup(chatWarmup, 1);
    List<Long> chatLatencies = new ArrayList<>();
    Map<String, Map<String, Object>> chats = new LinkedHashMap<>();
    for (Question q : set.questions()) {
      Timed<Map<String, Object>> chat = chat(q.id(), q.text());
      chatLatencies.add(chat.nanos());
      chats.put(q.id(), chat.value());
    }

    List<Question> covered = set.questions().stream().filter(Question::covered).toList();
    List<Question> uncovered = set.questions().stream().filter(q -> !q.covered()).toList();
    Map<String, Long> styles = new LinkedHashMap<>();
    for (String style : STYLES) {
      styles.put(style, covered.stream().filter(q -> q.style().equals(style)).count());
    }
    line(
        "RETRIEVAL QUALITY: %d answerable questions (%d paraphrase, %d exact, %d both), %d not"
            + " covered; %d passages in the organization",
        covered.size(),
        styles.get("paraphrase"),
        styles.get("exact"),
        styles.get("both"),
        uncovered.size(),
        passages);
    line("");
    line(
        "%-11s %9s %9s %13s %8s %8s %19s %16s",
        "mode",
        "recall@1",
        "recall@5",
        "paraphrase@5",
        "exact@5",
        "both@5",
        "cite precision (n)",
        "uncovered: none");
    for (String mode : MODES) {
      Map<String, ModeResult> results = byMode.get(mode);
      int cited = 0;
      int right = 0;
      for (Question q : covered) {
        cited += results.get(q.id()).cited();
        right += results.get(q.id()).citedRight();
      }
      long declined = uncovered.stream().filter(q -> results.get(q.id()).cited() == 0).count();
      line(
          "%-11s %9s %9s %13s %8s %8s %19s %16s",
          mode,
          share(covered, q -> rank(results, q) == 1),
          share(covered, q -> rank(results, q) >= 1 && rank(results, q) <= 5),
          shareOf(covered, "paraphrase", results),
          shareOf(covered, "exact", results),
          shareOf(covered, "both", results),
          cited == 0 ? "n/a (0)" : "%.2f (%d)".formatted((double) right / cited, cited),
          "%d/%d".formatted(declined, uncovered.size()));
    }
    line(
        "(recall@k: the answering passage among the first k results; cite precision: of the first"
            + " %d results at or above confidence %.1f, the share from the answering source;"
            + " uncovered: none: questions the knowledge does not cover with no such result)",
        CITED_AT_MOST,
        ANSWER_THRESHOLD);
    line("");

    int citations = 0;
    int citationsRight = 0;
    int answered = 0;
    int quoted = 0;
    int declined = 0;
    List<String> invented = new ArrayList<>();
    for (Question q : set.questions()) {
      Map<String, Object> reply = chats.get(q.id());
      String response = String.valueOf(reply.get("response"));
      List<Object> cites = list(reply.get("citations"));
      if (q.covered()) {
        String name = set.name(q.file());
        for (Object c : cites) {
          citations++;
          if (name.equals(str(map(c).get("title")))) {
            citationsRight++;
          }
        }
        if (!response.contains(NOT_FOUND)) {
          answered++;
        }
        if (normalize(response).contains(normalize(q.key()))) {
          quoted++;
        }
      } else if (response.contains(NOT_FOUND) && cites.isEmpty()) {
        declined++;
      } else {
        invented.add(q.id());
      }
    }
    line("chat/process (hybrid search, the extractive answer writer, one new session per question):");
    line(
        "  citation precision %s (%d citations from the answering source of %d);"
            + " answered %d/%d; the answer holds the answering sentence %d/%d",
        citations == 0 ? "n/a" : "%.2f".formatted((double) citationsRight / citations),
        citationsRight,
        citations,
        answered,
        covered.size(),
        quoted,
        covered.size());
    line(
        "  not covered: no invented answer %d/%d (%s)%s",
        declined,
        uncovered.size(),
        uncovered.isEmpty() ? "n/a" : "%.2f".formatted((double) declined / uncovered.size()),
        invented.isEmpty() ? "" : "; answered anyway: " + String.join(", ", invented));
    line("");
    writeQualityDetails(set, byMode, chats);
    return chatLatencies;
  }

  static int rank(Map<String, ModeResult> results, Question q) {
    return results.get(q.id()).rank();
  }

  static String share(List<Question> questions, Predicate<Question> hit) {
    if (questions.isEmpty()) {
      return "n/a";
    }
    return "%.2f".formatted((double) questions.stream().filter(hit).count() / questions.size());
  }

  static String shareOf(List<Question> covered, String style, Map<String, ModeResult> results) {
    return share(
        covered.stream().filter(q -> q.style().equals(style)).toList(),
        q -> rank(results, q) >= 1 && rank(results, q) <= 5);
  }

  static ModeResult searchResult(QualitySet set, Question q, String mode) throws Exception {
    List<Map<String, Object>> results = search(q.text(), 5, mode).value();
    int rank = 0;
    int cited = 0;
    int citedRight = 0;
    String name = q.covered() ? set.name(q.file()) : null;
    for (int i = 0; i < results.size(); i++) {
      Map<String, Object> r = results.get(i);
      boolean source = name != null && name.equals(str(r.get("title")));
      if (rank == 0 && source && normalize(str(r.get("content"))).contains(normalize(q.key()))) {
        rank = i + 1;
      }
      if (cited < CITED_AT_MOST && num(r.get("confidence")) >= ANSWER_THRESHOLD) {
        cited++;
        if (source) {
          citedRight++;
        }
      }
    }
    double top = results.isEmpty() ? 0 : num(results.getFirst().get("confidence"));
    return new ModeResult(rank, cited, citedRight, top);
  }

  static void writeQualityDetails(
      QualitySet set,
      Map<String, Map<String, ModeResult>> byMode,
      Map<String, Map<String, Object>> chats)
      throws IOException {
    StringBuilder tsv = new StringBuilder("id\tstyle");
    for (String mode : MODES) {
      tsv.append('\t').append(mode).append("_rank\t").append(mode).append("_cited_right/cited\t")
          .append(mode).append("_top_confidence");
    }
    tsv.append("\tchat_confidence\tchat_citations\tchat_response\tquestion\n");
    for (Question q : set.questions()) {
      tsv.append(q.id()).append('\t').append(q.style());
      for (String mode : MODES) {
        ModeResult r = byMode.get(mode).get(q.id());
        tsv.append('\t').append(r.rank()).append('\t').append(r.citedRight()).append('/')
            .append(r.cited()).append('\t').append(r.topConfidence());
      }
      Map<String, Object> chat = chats.get(q.id());
      List<String> titles = new ArrayList<>();
      for (Object c : list(chat.get("citations"))) {
        titles.add(str(map(c).get("title")));
      }
      tsv.append('\t').append(chat.get("confidence")).append('\t').append(String.join("; ", titles))
          .append('\t').append(oneLine(String.valueOf(chat.get("response")))).append('\t')
          .append(q.text()).append('\n');
    }
    Files.writeString(out.resolve("quality.tsv"), tsv);
  }

  // ------------------------------------------------------------------------------------------
  // Latency

  static void latency(QualitySet set, String orgId, List<Long> smallChat, int smallPassages)
      throws Exception {
    Inventory inventory = inventory();
    int missing = targetPassages - inventory.passages();
    gatewayTimeouts = 0;
    int sources = 0;
    int added = 0;
    long loadStarted = System.nanoTime();
    List<Long> perSource = new ArrayList<>();
    progress("latency: loading %,d filler passages (the organization holds %,d)", Math.max(0, missing), inventory.passages());
    while (added < missing) {
      int size = Math.min(sourcePassages, missing - added);
      String content = Filler.source(sources, size);
      String body =
          "{\"name\":%s,\"type\":\"document\",\"content\":%s,\"metadata\":{\"category\":\"service-notes\",\"url\":%s,\"bench\":\"%s\"}}"
              .formatted(
                  q("Service notes, volume " + (sources + 1)),
                  q(content),
                  q("/kb/service-notes/" + (sources + 1)),
                  TAG);
      long started = System.nanoTime();
      int chunks = addSource("Service notes, volume " + (sources + 1), body);
      perSource.add(System.nanoTime() - started);
      added += chunks;
      sources++;
      if (sources % 25 == 0) {
        progress("  %,d passages in %d sources, %.0f s", added, sources, seconds(loadStarted));
      }
    }
    awaitIndexed();
    double loadSeconds = seconds(loadStarted);
    int total = inventory().passages();
    awaitStatistics();
    List<String> measured = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Question q : set.questions()) {
      if (seen.add(q.text())) {
        measured.add(q.text());
      }
    }
    List<String> generated = Filler.queries(FILLER_SEED * 7, queries + warmup, seen);
    while (measured.size() < queries) {
      measured.add(generated.removeFirst());
    }
    measured = measured.subList(0, queries);
    List<String> warm = new ArrayList<>(generated.subList(0, Math.min(warmup, generated.size())));

    progress("latency: %d warm-up searches, then %d measured (hybrid, limit 10)", warm.size(), measured.size());
    for (String query : warm) {
      search(query, 10, "hybrid");
    }
    List<Long> searches = new ArrayList<>();
    int empty = 0;
    for (String query : measured) {
      Timed<List<Map<String, Object>>> t = search(query, 10, "hybrid");
      searches.add(t.nanos());
      if (t.value().isEmpty()) {
        empty++;
      }
    }

    List<Long> bare = null;
    List<Long> candidates = null;
    String bareProblem = null;
    int bareRows = 0;
    try (Connection db = database()) {
      String bareSql =
          "SELECT id, ts_rank_cd(search, q) FROM knowledge_chunks,"
              + " websearch_to_tsquery('english', ?) q WHERE org_id = ? AND search @@ q"
              + " ORDER BY 2 DESC LIMIT 10";
      UUID org = UUID.fromString(orgId);
      progress("latency: bare full-text query over JDBC, %d warm-up, %d measured", warm.size(), measured.size());
      try (PreparedStatement ps = db.prepareStatement(bareSql)) {
        for (String query : warm) {
          sql(ps, query, org);
        }
        bare = new ArrayList<>();
        for (String query : measured) {
          long started = System.nanoTime();
          bareRows += sql(ps, query, org);
          bare.add(System.nanoTime() - started);
        }
      }
      Candidates service = new Candidates(db, org);
      for (String query : warm) {
        service.find(query);
      }
      candidates = new ArrayList<>();
      for (String query : measured) {
        long started = System.nanoTime();
        service.find(query);
        candidates.add(System.nanoTime() - started);
      }
    } catch (Exception e) {
      bareProblem = e.toString();
    }

    progress("latency: chat/process, %d warm-up questions, then the %d quality questions", chatWarmup, set.questions().size());
    chatWarmup(chatWarmup, 2);
    List<Long> chat = new ArrayList<>();
    for (Question q : set.questions()) {
      chat.add(chat(q.id() + "-large", q.text()).nanos());
    }

    line(
        "LATENCY (sequential, one request at a time; search and chat through the gateway, after"
            + " warm-up)");
    line("");
    line("%-52s %5s %8s %8s %8s %8s", "what", "n", "p50 ms", "p95 ms", "p99 ms", "max ms");
    row("search, hybrid, limit 10 (%,d passages)".formatted(total), searches);
    if (bare != null) {
      row("bare full text: PostgreSQL over JDBC (same rows)", bare);
      row("the service's full-text candidates (its SQL, 40)", candidates);
    }
    if (smallChat != null) {
      row("chat/process, quality knowledge (%,d passages)".formatted(smallPassages), smallChat);
    }
    row("chat/process (%,d passages)".formatted(total), chat);
    line("");
    if (bare != null) {
      double ratio = percentile(searches, 95) / percentile(bare, 95);
      line(
          "search p95 / bare full-text p95: %.1fx (goal <= 5x: %s)",
          ratio,
          ratio <= 5 ? "MET" : "NOT MET");
      line(
          "(bare full text: SELECT id, ts_rank_cd(search, q) FROM knowledge_chunks,"
              + " websearch_to_tsquery('english', ?) q WHERE org_id = ? AND search @@ q ORDER BY 2"
              + " DESC LIMIT 10; %,d rows over the %d queries)",
          bareRows,
          measured.size());
    } else {
      line("bare full text: not measured (%s)", bareProblem);
    }
    if (empty > 0) {
      line("(%d of the %d searches found nothing)", empty, measured.size());
    }
    double chatP95 = percentile(chat, 95);
    line(
        "chat/process p95 at %,d passages: %.0f ms (goal <= 300 ms: %s)%s",
        total,
        chatP95,
        chatP95 <= 300 ? "MET" : "NOT MET",
        smallChat == null
            ? ""
            : "; with the quality knowledge only: %.0f ms (%s)"
                .formatted(percentile(smallChat, 95), percentile(smallChat, 95) <= 300 ? "MET" : "NOT MET"));
    line(
        "loading: %,d filler passages in %d sources (POST /knowledge/sources, %d passages each) in"
            + " %.0f s: %.0f passages/s; per source p50 %.0f ms, p95 %.0f ms%s",
        added,
        sources,
        sourcePassages,
        loadSeconds,
        loadSeconds == 0 ? 0 : added / loadSeconds,
        percentile(perSource, 50),
        percentile(perSource, 95),
        gatewayTimeouts == 0
            ? ""
            : "; %d of them answered 504 (the gateway's 10 s), and the run waited until each was listed"
                .formatted(gatewayTimeouts));
    line("");
    StringBuilder raw = new StringBuilder("what\tms\n");
    for (long n : searches) raw.append("search\t").append(n / 1e6).append('\n');
    if (bare != null) {
      for (long n : bare) raw.append("bare_full_text\t").append(n / 1e6).append('\n');
      for (long n : candidates) raw.append("service_candidates_sql\t").append(n / 1e6).append('\n');
    }
    if (smallChat != null) {
      for (long n : smallChat) raw.append("chat_quality_knowledge\t").append(n / 1e6).append('\n');
    }
    for (long n : chat) raw.append("chat_large\t").append(n / 1e6).append('\n');
    for (long n : perSource) raw.append("load_source\t").append(n / 1e6).append('\n');
    Files.writeString(out.resolve("latencies.tsv"), raw);
  }

  /**
   * Vacuums knowledge_chunks when the server's autovacuum is off and it holds dead rows; then waits
   * until support-service has analyzed knowledge_chunks since the passages were added (its
   * LexemeFrequencies does so within a minute when a tenth of the rows changed) and read the
   * common words again (a minute later at most), so that search is measured as it runs once the
   * knowledge has settled; then says how many words count as common.
   */
  static void awaitStatistics() {
    String stale =
        "SELECT n_mod_since_analyze >= greatest(500, n_live_tup / 10),"
            + " greatest(last_analyze, last_autoanalyze) FROM pg_stat_user_tables"
            + " WHERE relname = 'knowledge_chunks'";
    try (Connection db = database()) {
      // Production's PostgreSQL vacuums by itself; a server with autovacuum off (this kind of
      // machine) keeps every passage an earlier run deleted in the full-text index until vacuumed.
      try (ResultSet rs =
          db.createStatement()
              .executeQuery(
                  "SELECT current_setting('autovacuum'), n_dead_tup FROM pg_stat_user_tables"
                      + " WHERE relname = 'knowledge_chunks'")) {
        if (rs.next() && rs.getString(1).equals("off") && rs.getLong(2) > 0) {
          long dead = rs.getLong(2);
          long vacuumStarted = System.nanoTime();
          db.createStatement().execute("VACUUM knowledge_chunks");
          progress(
              "statistics: autovacuum is off on this server: vacuumed knowledge_chunks (%,d dead rows)"
                  + " in %.1f s, as autovacuum would have",
              dead,
              seconds(vacuumStarted));
        }
      }
      long started = System.nanoTime();
      boolean waited = false;
      while (true) {
        try (ResultSet rs = db.createStatement().executeQuery(stale)) {
          boolean fresh = rs.next() && !rs.getBoolean(1) && rs.getString(2) != null;
          if (fresh) {
            break;
          }
        }
        if (seconds(started) > 300) {
          progress("statistics: knowledge_chunks still not analyzed after 300 s; measuring anyway");
          break;
        }
        waited = true;
        Thread.sleep(2_000);
      }
      if (waited) {
        progress("statistics: analyzed after %.0f s; waiting 65 s for the service to read them", seconds(started));
        Thread.sleep(65_000);
      }
      try (ResultSet rs = db.createStatement().executeQuery(stale)) {
        progress(
            "statistics: %d words count as common (in >= 15 %% of the passages), table last analyzed %s",
            Candidates.common(db).size(),
            rs.next() ? rs.getString(2) : "never");
      }
    } catch (Exception e) {
      progress("statistics: not read (%s)", e);
    }
  }

  /**
   * The service's full-text step, as KnowledgeChunks.fullText, TextQuery.steps and
   * LexemeFrequencies run it: the question's stemmed words; passages holding all of them; then
   * passages holding k of its rare words (those in under 15 % of the passages by pg_stats), k from
   * all of them down to one (nothing more when none is rare), until 40 are found, each
   * step ranking at most 200 passages by cover density.
   */
  record Candidates(Connection db, UUID org, Set<String> common) {

    static final int WANTED = 40;
    static final int RANKED = 200;
    static final int BUDGET = 200;

    Candidates(Connection db, UUID org) throws Exception {
      this(db, org, common(db));
    }

    static Set<String> common(Connection db) throws Exception {
      Set<String> common = new HashSet<>();
      try (PreparedStatement ps =
              db.prepareStatement(
                  """
                  SELECT e.lexeme FROM pg_stats s,
                    unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs)
                      AS e(lexeme, share)
                  WHERE s.schemaname = current_schema() AND s.tablename = 'knowledge_chunks'
                    AND s.attname = 'search' AND e.lexeme IS NOT NULL AND e.share >= 0.15
                  """);
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          common.add(rs.getString(1));
        }
      }
      return common;
    }

    int find(String question) throws Exception {
      List<String> lexemes = new ArrayList<>();
      try (PreparedStatement ps =
          db.prepareStatement("SELECT unnest(tsvector_to_array(to_tsvector('english', ?)))")) {
        ps.setString(1, question);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            lexemes.add(rs.getString(1));
          }
        }
      }
      int n = lexemes.size();
      if (n == 0) {
        return 0;
      }
      List<String> steps = new ArrayList<>();
      steps.add(atLeast(lexemes, n));
      List<String> rare = lexemes.stream().filter(l -> !common.contains(l)).toList();
      if (!rare.isEmpty()) {
        int r = rare.size();
        for (int k = r; k >= 1; k--) {
          boolean inLadder = k == r || k == 1 || combinations(r, k) * k <= BUDGET;
          if (inLadder && (r < n || k < n)) {
            steps.add(atLeast(rare, k));
          }
        }
      }
      Set<Object> found = new HashSet<>();
      try (PreparedStatement ps =
          db.prepareStatement(
              """
              SELECT m.id, ts_rank_cd(m.search, CAST(? AS tsquery), 1) AS rank
              FROM (SELECT c.id, c.search FROM knowledge_chunks c
                    WHERE c.org_id = ? AND c.search @@ CAST(? AS tsquery) LIMIT ?) m
              ORDER BY rank DESC, m.id LIMIT ?
              """)) {
        for (String step : steps) {
          if (found.size() >= WANTED) {
            break;
          }
          int limit = WANTED + found.size();
          ps.setString(1, atLeast(lexemes, 1));
          ps.setObject(2, org);
          ps.setString(3, step);
          ps.setInt(4, Math.max(RANKED, limit));
          ps.setInt(5, limit);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              found.add(rs.getObject(1));
            }
          }
        }
      }
      return Math.min(found.size(), WANTED);
    }

    static String atLeast(List<String> lexemes, int k) {
      List<String> conjunctions = new ArrayList<>();
      choose(lexemes, k, 0, new ArrayList<>(), conjunctions);
      return String.join(" | ", conjunctions.stream().map(c -> "(" + c + ")").toList());
    }

    static void choose(List<String> words, int k, int from, List<String> chosen, List<String> out) {
      if (chosen.size() == k) {
        out.add(String.join(" & ", chosen));
        return;
      }
      for (int i = from; i <= words.size() - (k - chosen.size()); i++) {
        chosen.add("'" + words.get(i).replace("\\", "\\\\").replace("'", "''") + "'");
        choose(words, k, i + 1, chosen, out);
        chosen.removeLast();
      }
    }

    static long combinations(int n, int k) {
      long result = 1;
      for (int i = 1; i <= k; i++) {
        result = Math.min(result * (n - k + i) / i, Integer.MAX_VALUE);
      }
      return result;
    }
  }

  static int sql(PreparedStatement ps, String query, UUID org) throws Exception {
    ps.setString(1, query);
    ps.setObject(2, org);
    int rows = 0;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rs.getObject(1);
        rs.getDouble(2);
        rows++;
      }
    }
    return rows;
  }

  static Connection database() throws Exception {
    String file = env("BENCH_SUPPORT_DB_ENV", ".devstack/env/support.env");
    Map<String, String> vars = new HashMap<>();
    for (String l : Files.readAllLines(Path.of(file))) {
      int eq = l.indexOf('=');
      if (!l.startsWith("#") && eq > 0) {
        vars.put(l.substring(0, eq), l.substring(eq + 1));
      }
    }
    String url = vars.get("SPRING_DATASOURCE_URL");
    if (url == null) {
      throw new IllegalStateException(file + " names no SPRING_DATASOURCE_URL");
    }
    Connection db =
        DriverManager.getConnection(
            url,
            vars.getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres"),
            vars.getOrDefault("SPRING_DATASOURCE_PASSWORD", ""));
    // As support-service's own connections: a plan per execution, so neither query is measured
    // with PostgreSQL's generic plan of a repeated prepared statement.
    try (var set = db.createStatement()) {
      set.execute("SET plan_cache_mode = force_custom_plan");
    }
    return db;
  }

  static void row(String what, List<Long> nanos) {
    line(
        "%-52s %5d %8.1f %8.1f %8.1f %8.1f",
        what,
        nanos.size(),
        percentile(nanos, 50),
        percentile(nanos, 95),
        percentile(nanos, 99),
        nanos.isEmpty() ? Double.NaN : Collections.max(nanos) / 1e6);
  }

  /** Nearest-rank percentile, in milliseconds. */
  static double percentile(List<Long> nanos, int p) {
    if (nanos.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int at = Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    return sorted.get(at) / 1e6;
  }

  // ------------------------------------------------------------------------------------------
  // Upload

  static void upload() throws Exception {
    String code = "QL" + runId.replaceAll("[^0-9]", "");
    String unique =
        "Quillmere lighthouse ledger: the harbour seal was stamped with code " + code + ".";
    Pdf pdf = Pdf.of((long) (pdfMiB * 1024 * 1024), unique);
    Files.write(out.resolve("upload.pdf"), pdf.bytes());
    progress(
        "upload: %.1f MiB PDF, %d pages, %,d characters of text",
        pdf.bytes().length / 1048576.0,
        pdf.pages(),
        pdf.characters());
    String boundary = "bench" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "category", null, "bench".getBytes(StandardCharsets.UTF_8));
    part(
        body,
        boundary,
        "metadata",
        null,
        ("{\"name\":\"Quillmere harbour archive " + runId + "\",\"url\":\"/kb/quillmere\",\"bench\":\"" + TAG + "\"}")
            .getBytes(StandardCharsets.UTF_8));
    part(body, boundary, "file", "quillmere-archive.pdf", pdf.bytes());
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    long started = System.nanoTime();
    Reply reply =
        send(
            "POST",
            API + "/files/upload",
            "multipart/form-data; boundary=" + boundary,
            BodyPublishers.ofByteArray(body.toByteArray()));
    double answered = seconds(started);
    progress("upload: answered %d after %.1f s; searching for the unique sentence", reply.status(), answered);
    double searchable = -1;
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    int searches = 0;
    while (System.nanoTime() < deadline) {
      searches++;
      List<Map<String, Object>> results = search(unique, 5, "hybrid").value();
      if (results.stream().anyMatch(r -> str(r.get("content")).contains(code))) {
        searchable = seconds(started);
        break;
      }
      Thread.sleep(1000);
    }
    String passages = "?";
    String characters = "?";
    if (reply.status() == 201) {
      Map<String, Object> source = map(Json.parse(reply.body()));
      passages = "%,d".formatted((long) num(source.get("chunk_count")));
      characters = "%,d".formatted((long) num(source.get("content_length")));
    } else {
      for (Map<String, Object> source : sources()) {
        if (str(source.get("name")).endsWith(runId) && TAG.equals(str(map(source.get("metadata")).get("bench")))) {
          passages = "%,d".formatted((long) num(source.get("chunk_count")));
          characters = "%,d".formatted((long) num(source.get("content_length")));
        }
      }
    }
    line("UPLOAD TO SEARCHABLE (POST /files/upload through the gateway, then hybrid searches for its one unique sentence)");
    line("");
    line(
        "PDF %.1f MiB, %d pages, %,d characters written; the service read %s characters into %s"
            + " passages",
        pdf.bytes().length / 1048576.0,
        pdf.pages(),
        pdf.characters(),
        characters,
        passages);
    line(
        "upload answered %d after %.1f s%s",
        reply.status(),
        answered,
        reply.status() == 201 ? "" : " (" + error(reply) + ")");
    line(
        searchable < 0
            ? "the unique sentence was not found within 30 minutes"
            : "searchable (found by search) after %.1f s from the start of the upload (%d searches)"
                .formatted(searchable, searches));
    line("");
  }

  static void part(ByteArrayOutputStream body, String boundary, String name, String file, byte[] content)
      throws IOException {
    StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n");
    head.append("Content-Disposition: form-data; name=\"").append(name).append('"');
    if (file != null) {
      head.append("; filename=\"").append(file).append("\"\r\nContent-Type: application/pdf");
    }
    head.append("\r\n\r\n");
    body.write(head.toString().getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  // ------------------------------------------------------------------------------------------
  // Knowledge sources

  record Inventory(int sources, int passages) {}

  static Map<String, Integer> loadQuality(QualitySet set) throws Exception {
    Map<String, Integer> passages = new LinkedHashMap<>();
    for (Doc doc : set.docs()) {
      String body =
          "{\"name\":%s,\"type\":%s,\"content\":%s,\"metadata\":{\"category\":%s,\"url\":%s,\"bench\":\"%s\"}}"
              .formatted(q(doc.name()), q(doc.type()), q(doc.content()), q(doc.category()), q(doc.url()), TAG);
      passages.put(doc.file(), addSource(doc.name(), body));
    }
    return passages;
  }

  /**
   * Adds a knowledge source and returns its passage count. The gateway gives support-service 10 s;
   * when it answers 504 the service still finishes the source, so the run waits for it to appear.
   */
  static int addSource(String name, String body) throws Exception {
    Reply reply = send("POST", API + "/knowledge/sources", "application/json", body);
    if (reply.status() == 504) {
      gatewayTimeouts++;
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (System.nanoTime() < deadline) {
        Thread.sleep(1000);
        Reply found =
            send("GET", API + "/knowledge/sources?size=100&search=" + encode(name), null, (String) null);
        expect(found, 200);
        for (Object item : list(Json.parse(found.body()))) {
          Map<String, Object> source = map(item);
          if (name.equals(str(source.get("name"))) && TAG.equals(str(map(source.get("metadata")).get("bench")))) {
            return (int) num(source.get("chunk_count"));
          }
        }
      }
    }
    expect(reply, 201, 202);
    return (int) num(map(Json.parse(reply.body())).get("chunk_count"));
  }

  /**
   * Waits until no source of the organization is {@code indexing}: a source of more than 50
   * passages answers 202 and is indexed in the background.
   */
  static void awaitIndexed() throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
    while (System.nanoTime() < deadline) {
      long indexing =
          sources().stream().filter(source -> "indexing".equals(str(source.get("status")))).count();
      if (indexing == 0) {
        return;
      }
      progress("  %d sources still indexing", indexing);
      Thread.sleep(5000);
    }
    throw new IllegalStateException("sources still indexing after 60 minutes");
  }

  static List<Map<String, Object>> sources() throws Exception {
    List<Map<String, Object>> all = new ArrayList<>();
    for (int page = 1; page < 10_000; page++) {
      Reply reply = send("GET", API + "/knowledge/sources?size=100&page=" + page, null, (String) null);
      expect(reply, 200);
      List<Object> items = list(Json.parse(reply.body()));
      items.forEach(item -> all.add(map(item)));
      if (items.size() < 100) {
        break;
      }
    }
    return all;
  }

  static Inventory inventory() throws Exception {
    List<Map<String, Object>> all = sources();
    int passages = 0;
    for (Map<String, Object> source : all) {
      passages += (int) num(source.get("chunk_count"));
    }
    return new Inventory(all.size(), passages);
  }

  static int removeBenchSources() throws Exception {
    return removeBenchSources(false);
  }

  static int removeBenchSources(boolean keepFiller) throws Exception {
    int removed = 0;
    for (Map<String, Object> source : sources()) {
      Object metadata = source.get("metadata");
      boolean filler = str(source.get("name")).startsWith("Service notes, volume ");
      if (metadata instanceof Map<?, ?> m && TAG.equals(m.get("bench")) && !(keepFiller && filler)) {
        Reply reply = send("DELETE", API + "/knowledge/sources/" + str(source.get("id")), null, (String) null);
        expect(reply, 204, 404);
        removed++;
      }
    }
    return removed;
  }

  // ------------------------------------------------------------------------------------------
  // Search and chat

  record Timed<T>(T value, long nanos) {}

  static Timed<List<Map<String, Object>>> search(String query, int limit, String mode) throws Exception {
    Reply reply =
        send(
            "GET",
            API + "/knowledge/search?limit=" + limit + "&mode=" + mode + "&q=" + encode(query),
            null,
            (String) null);
    expect(reply, 200);
    List<Map<String, Object>> results = new ArrayList<>();
    for (Object r : list(map(Json.parse(reply.body())).get("results"))) {
      results.add(map(r));
    }
    return new Timed<>(results, reply.nanos());
  }

  /** One question in a new session (not timed), the chat/process call (timed), the session ended. */
  static Timed<Map<String, Object>> chat(String label, String question) throws Exception {
    Reply created =
        send(
            "POST",
            API + "/sessions/create",
            "application/json",
            "{\"customer_id\":%s,\"channel\":\"web\"}".formatted(q("bench-" + runId + "-" + label)));
    expect(created, 201);
    String session = str(map(Json.parse(created.body())).get("session_id"));
    Reply reply =
        send(
            "POST",
            API + "/chat/process",
            "application/json",
            "{\"session_id\":%s,\"message\":%s}".formatted(q(session), q(question)));
    expect(reply, 200);
    Reply ended = send("PUT", API + "/sessions/" + session + "/end", "application/json", "{}");
    expect(ended, 200, 409);
    return new Timed<>(map(Json.parse(reply.body())), reply.nanos());
  }

  static void chatWarmup(int count, int round) throws Exception {
    List<String> questions = Filler.queries(FILLER_SEED * 13 + round, count, Set.of());
    for (int i = 0; i < questions.size(); i++) {
      chat("warmup" + round + "-" + i, questions.get(i));
    }
  }

  // ------------------------------------------------------------------------------------------
  // HTTP

  record Reply(int status, String body, long nanos) {}

  static Reply send(String method, String path, String contentType, String body) throws Exception {
    return send(
        method,
        path,
        contentType,
        body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }

  /** A request with the admin's token; 429 waits for Retry-After, 401 logs in again, once. */
  static Reply send(String method, String path, String contentType, BodyPublisher body)
      throws Exception {
    boolean relogged = false;
    for (int attempt = 0; ; attempt++) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(gateway + path))
              .timeout(Duration.ofMinutes(15))
              .header("Authorization", "Bearer " + token())
              .method(method, body);
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      long started = System.nanoTime();
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      long nanos = System.nanoTime() - started;
      if (response.statusCode() == 429 && attempt < 100) {
        throttled++;
        long wait = response.headers().firstValueAsLong("Retry-After").orElse(5);
        Thread.sleep(Math.max(1, wait) * 1000);
        continue;
      }
      if (response.statusCode() == 401 && !relogged) {
        relogged = true;
        login();
        continue;
      }
      return new Reply(response.statusCode(), response.body(), nanos);
    }
  }

  static void expect(Reply reply, int... statuses) {
    for (int status : statuses) {
      if (reply.status() == status) {
        return;
      }
    }
    throw new IllegalStateException(
        "answered " + reply.status() + ": " + oneLine(reply.body()).substring(0, Math.min(400, oneLine(reply.body()).length())));
  }

  /** An error answer's code and message, or the start of its body. */
  static String error(Reply reply) {
    try {
      Map<String, Object> error = map(map(Json.parse(reply.body())).get("error"));
      if (!error.isEmpty()) {
        return str(error.get("code")) + ": " + str(error.get("message"));
      }
    } catch (RuntimeException notJson) {
      // fall through to the raw body
    }
    String body = oneLine(reply.body());
    return body.substring(0, Math.min(160, body.length()));
  }

  static String token() throws Exception {
    if (System.currentTimeMillis() > tokenExpiresAt) {
      login();
    }
    return token;
  }

  static void login() throws Exception {
    String body = "{\"email\":%s,\"password\":%s}".formatted(q(email), q(password));
    for (int attempt = 0; attempt < 30; attempt++) {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(gateway + "/api/v1/auth/login"))
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/json")
                  .POST(BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 429) {
        Thread.sleep(Math.max(1, response.headers().firstValueAsLong("Retry-After").orElse(10)) * 1000);
        continue;
      }
      if (response.statusCode() != 200) {
        throw new IllegalStateException("login answered " + response.statusCode() + ": " + response.body());
      }
      Map<String, Object> answer = map(Json.parse(response.body()));
      token = str(answer.get("access_token"));
      double expiresIn = answer.get("expires_in") == null ? 300 : num(answer.get("expires_in"));
      tokenExpiresAt = System.currentTimeMillis() + (long) Math.max(30, expiresIn - 120) * 1000;
      return;
    }
    throw new IllegalStateException("login was refused (429) for too long");
  }

  static String claim(String jwt, String name) {
    String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    return str(map(Json.parse(payload)).get(name));
  }

  // ------------------------------------------------------------------------------------------
  // The quality set

  record Doc(String file, String name, String type, String category, String url, String content) {}

  record Question(String id, String style, String file, String key, String text) {
    boolean covered() {
      return !style.equals("uncovered");
    }
  }

  record QualitySet(List<Doc> docs, List<Question> questions) {

    static QualitySet load(Path dir) throws IOException {
      List<Doc> docs = new ArrayList<>();
      for (String[] f : tsv(dir.resolve("sources.tsv"), 5)) {
        docs.add(new Doc(f[0], f[1], f[2], f[3], f[4], Files.readString(dir.resolve("docs").resolve(f[0]))));
      }
      List<Question> questions = new ArrayList<>();
      for (String[] f : tsv(dir.resolve("questions.tsv"), 5)) {
        questions.add(new Question(f[0], f[1], f[2], f[3], f[4]));
      }
      return new QualitySet(docs, questions);
    }

    String name(String file) {
      return docs.stream().filter(d -> d.file().equals(file)).findFirst().orElseThrow().name();
    }
  }

  /** A tab-separated file: '#' comments, one header line, then rows of {@code columns} fields. */
  static List<String[]> tsv(Path file, int columns) throws IOException {
    List<String[]> rows = new ArrayList<>();
    boolean header = true;
    for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (l.isBlank() || l.startsWith("#")) {
        continue;
      }
      if (header) {
        header = false;
        continue;
      }
      String[] fields = l.split("\t", -1);
      if (fields.length != columns) {
        throw new IllegalStateException(file + ": expected " + columns + " fields in: " + l);
      }
      rows.add(fields);
    }
    return rows;
  }

  /** Validates the quality set and the filler offline; prints what it found. */
  static boolean check() throws IOException {
    QualitySet set = QualitySet.load(qualityDir);
    List<String> problems = new ArrayList<>();
    Map<String, String> texts = new LinkedHashMap<>();
    Set<String> names = new HashSet<>();
    for (Doc doc : set.docs()) {
      texts.put(doc.file(), normalize(doc.content()));
      if (!names.add(doc.name())) {
        problems.add("source name used twice: " + doc.name());
      }
    }
    Path demo = Path.of(env("BENCH_SUPPORT_DEMO_DIR", "support-service/src/main/resources/demo"));
    if (Files.isDirectory(demo)) {
      try (var files = Files.list(demo)) {
        for (Path p : files.sorted().toList()) {
          texts.put("seeded:" + p.getFileName(), normalize(Files.readString(p)));
        }
      }
    } else {
      problems.add("the seeded policies are not at " + demo + " (run from the repository root)");
    }
    Set<String> ids = new HashSet<>();
    Map<String, Integer> styles = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>();
    for (Question q : set.questions()) {
      styles.merge(q.style(), 1, Integer::sum);
      if (!ids.add(q.id())) {
        problems.add(q.id() + ": id used twice");
      }
      if (!q.covered()) {
        continue;
      }
      if (!STYLES.contains(q.style())) {
        problems.add(q.id() + ": unknown style " + q.style());
      }
      if (!texts.containsKey(q.file())) {
        problems.add(q.id() + ": no document " + q.file());
        continue;
      }
      String key = normalize(q.key());
      keys.add(key);
      for (Map.Entry<String, String> text : texts.entrySet()) {
        int count = occurrences(text.getValue(), key);
        if (text.getKey().equals(q.file()) && count != 1) {
          problems.add(q.id() + ": key phrase found " + count + " times in " + q.file());
        } else if (!text.getKey().equals(q.file()) && count > 0) {
          problems.add(q.id() + ": key phrase also in " + text.getKey());
        }
      }
    }
    int fillerSources = Math.max(1, targetPassages / sourcePassages);
    Set<String> paragraphs = new HashSet<>();
    int shortOrLong = 0;
    int duplicates = 0;
    int withKeys = 0;
    long characters = 0;
    for (int s = 0; s < fillerSources; s++) {
      for (String paragraph : Filler.source(s, sourcePassages).split("\n\n")) {
        characters += paragraph.length();
        if (paragraph.length() < 400 || paragraph.length() > 900) {
          shortOrLong++;
        }
        if (!paragraphs.add(paragraph)) {
          duplicates++;
        }
        String normal = normalize(paragraph);
        if (keys.stream().anyMatch(normal::contains)) {
          withKeys++;
        }
      }
    }
    if (shortOrLong > 0) problems.add(shortOrLong + " filler paragraphs outside 400-900 characters");
    if (duplicates > 0) problems.add(duplicates + " filler paragraphs repeated");
    if (withKeys > 0) problems.add(withKeys + " filler paragraphs hold a key phrase");
    System.out.printf(
        "quality set: %d documents, %d questions %s%n", set.docs().size(), set.questions().size(), styles);
    System.out.printf(
        "filler: %d sources x %d passages, %,d distinct paragraphs, %,d characters%n",
        fillerSources, sourcePassages, paragraphs.size(), characters);
    System.out.println("queries, e.g.: " + Filler.queries(FILLER_SEED * 7, 3, Set.of()));
    if (problems.isEmpty()) {
      System.out.println("OK");
      return true;
    }
    problems.forEach(p -> System.out.println("PROBLEM: " + p));
    return false;
  }

  static int occurrences(String text, String phrase) {
    int count = 0;
    for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
      count++;
    }
    return count;
  }

  // ------------------------------------------------------------------------------------------
  // Filler: deterministic service notes of a household-goods retailer

  static final class Filler {
    static final String[] BRANDS = {
      "Aldren", "Brightwater", "Corvel", "Dunmore", "Elsworth", "Fennick", "Galloway", "Harwick",
      "Islay", "Jorvik", "Kestrel", "Larkspur", "Merrow", "Norland", "Oakhurst", "Pennine",
      "Quarrybank", "Ravensworth", "Selkirk", "Thornbury", "Ulverston", "Valemoor", "Wexford", "Yarrow"
    };
    static final String[] PRODUCTS = {
      "kettle", "toaster", "blender", "coffee grinder", "air purifier", "dehumidifier",
      "robot vacuum", "cordless drill", "lawn mower", "pressure cooker", "rice cooker",
      "standing desk", "office chair", "e-reader", "smart speaker", "baby monitor", "camping stove",
      "tent", "sleeping bag", "hiking boot", "bicycle light", "electric toothbrush", "hair dryer",
      "sewing machine", "water filter jug", "food processor", "slow cooker", "ceiling fan",
      "space heater", "washing machine", "dishwasher", "steam iron"
    };
    static final String[] COMPONENTS = {
      "lid", "filter", "motor", "blade", "hinge", "charging dock", "battery pack", "display",
      "power cord", "handle", "door seal", "sensor", "fan", "heating plate", "control board", "wheel",
      "zip", "shoulder strap", "nozzle", "thermostat", "button panel", "drip tray", "brush roll",
      "cutting deck", "base unit", "water tank", "gasket", "spindle"
    };
    /** Symptoms: third person, base form. */
    static final String[][] SYMPTOMS = {
      {"makes a rattling noise", "make a rattling noise"},
      {"stops after a few minutes", "stop after a few minutes"},
      {"does not switch on", "not switch on"},
      {"shows a flashing red light", "show a flashing red light"},
      {"leaks from the base", "leak from the base"},
      {"smells of hot plastic", "smell of hot plastic"},
      {"loses charge overnight", "lose charge overnight"},
      {"runs louder than usual", "run louder than usual"},
      {"turns off by itself", "turn off by itself"},
      {"will not pair with the app", "not pair with the app"},
      {"heats unevenly", "heat unevenly"},
      {"wobbles on the counter", "wobble on the counter"},
      {"shows the wrong time", "show the wrong time"},
      {"gets too hot to touch", "get too hot to touch"},
      {"squeaks when it turns", "squeak when it turns"},
      {"drips after use", "drip after use"},
      {"trips the fuse", "trip the fuse"},
      {"beeps three times", "beep three times"}
    };
    static final String[] ACTIONS = {
      "clean", "replace", "tighten", "reseat", "descale", "recalibrate", "dry", "inspect", "reset",
      "lubricate", "realign", "unclog"
    };
    static final String[] DURATIONS = {
      "two weeks", "three months", "a few days", "one hour", "ten minutes", "six weeks", "a year",
      "48 hours", "five days", "half an hour"
    };
    static final String[] CITIES = {
      "Aberdeen", "Bristol", "Cardiff", "Dundee", "Exeter", "Galway", "Hull", "Inverness", "Kendal",
      "Leeds", "Norwich", "Oxford", "Perth", "Swansea", "York", "Derry", "Bath", "Chester",
      "Lincoln", "Carlisle"
    };
    static final String[] CHANNELS = {
      "the online shop", "partner retailers", "the spare parts desk", "the outlet stores",
      "the trade counter", "the mail-order catalogue"
    };
    static final String[] DOCUMENTS = {
      "service log", "repair ticket", "guarantee card", "inspection sheet", "returns form",
      "parts order"
    };
    static final String[] TEAMS = {
      "The repair centre", "Quality assurance", "The product team", "Field service",
      "The parts warehouse", "The test lab"
    };
    static final String[] MONTHS = {
      "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December"
    };
    static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

    final Random random;

    Filler(long seed) {
      this.random = new Random(seed);
    }

    String pick(String[] words) {
      return words[random.nextInt(words.length)];
    }

    String model() {
      return "" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)) + "-"
          + (100 + random.nextInt(900));
    }

    String sentence() {
      String product = pick(PRODUCTS);
      String component = pick(COMPONENTS);
      String[] symptom = SYMPTOMS[random.nextInt(SYMPTOMS.length)];
      return switch (random.nextInt(14)) {
        case 0 -> "The %s %s %s %s when the %s is worn, so %s the %s before ordering a new one."
            .formatted(pick(BRANDS), product, model(), symptom[0], component, pick(ACTIONS), component);
        case 1 -> "Customers in %s reported that the %s of the %s %s %s after %s of daily use."
            .formatted(pick(CITIES), component, pick(BRANDS), product, symptom[0], pick(DURATIONS));
        case 2 -> "Technicians should %s the %s of the %s and record the result in the %s before closing the case."
            .formatted(pick(ACTIONS), component, product, pick(DOCUMENTS));
        case 3 -> "Orders of the %s %s placed through %s include a spare %s at no extra cost."
            .formatted(pick(BRANDS), product, pick(CHANNELS), component);
        case 4 -> "If the %s %s, switch it off, %s the %s and wait %s before trying again."
            .formatted(product, symptom[0], pick(ACTIONS), component, pick(DURATIONS));
        case 5 -> "%s confirmed that firmware %d.%d fixes the fault where the %s %s, on units built in %s %d."
            .formatted(pick(TEAMS), 1 + random.nextInt(6), random.nextInt(20), product, symptom[0],
                pick(MONTHS), 2018 + random.nextInt(8));
        case 6 -> "The %s %s carries a %d-year guarantee on the %s and %d years on everything else."
            .formatted(pick(BRANDS), product, 3 + random.nextInt(8), component, 1 + random.nextInt(3));
        case 7 -> "A replacement %s for the %s %s costs %d.%02d pounds and is sent within %s from %s."
            .formatted(component, product, model(), 4 + random.nextInt(80), random.nextInt(100),
                pick(DURATIONS), pick(CHANNELS));
        case 8 -> "Model %s was sold from %s %d; its %s does not fit earlier %s models."
            .formatted(model(), pick(MONTHS), 2016 + random.nextInt(10), component, product);
        case 9 -> "Case %05d: a customer in %s said the %s %s, and the %s was replaced under guarantee."
            .formatted(random.nextInt(100_000), pick(CITIES), product, symptom[0], component);
        case 10 -> "Do not use abrasive cleaners on the %s of the %s, because they scratch the coating and void the guarantee."
            .formatted(component, product);
        case 11 -> "The %s %s weighs %d.%d kg, draws %d watts and ships with a %d metre power cord."
            .formatted(product, model(), 1 + random.nextInt(30), random.nextInt(10), 20 + random.nextInt(2400),
                1 + random.nextInt(3));
        case 12 -> "Stock of the %s %s in the %s outlet is refreshed every %s, and the %s is kept behind the counter."
            .formatted(pick(BRANDS), product, pick(CITIES), pick(DAYS), component);
        default -> "For a %s that %s, the %s must list the serial number printed under the %s."
            .formatted(product, symptom[0], pick(DOCUMENTS), component);
      };
    }

    /** A paragraph of 400-900 characters: one passage of the chunker. */
    String paragraph(String label) {
      StringBuilder text = new StringBuilder(label);
      while (text.length() < 420) {
        text.append(' ').append(sentence());
      }
      return text.toString();
    }

    /** Filler source {@code index} (from 0) of {@code passages} paragraphs; the same every run. */
    static String source(int index, int passages) {
      Filler filler = new Filler(FILLER_SEED + index);
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < passages; i++) {
        if (i > 0) {
          text.append("\n\n");
        }
        text.append(filler.paragraph("Note %d.%d.".formatted(index + 1, i + 1)));
      }
      return text.toString();
    }

    /** {@code count} distinct customer questions about the filler's products, none in {@code not}. */
    static List<String> queries(long seed, int count, Set<String> not) {
      Filler f = new Filler(seed);
      Set<String> questions = new LinkedHashSet<>();
      for (int guard = 0; questions.size() < count && guard < count * 100; guard++) {
        String product = f.pick(PRODUCTS);
        String[] symptom = SYMPTOMS[f.random.nextInt(SYMPTOMS.length)];
        String question =
            switch (f.random.nextInt(6)) {
              case 0 -> "Why does my %s %s %s?".formatted(f.pick(BRANDS), product, symptom[1]);
              case 1 -> "How do I %s the %s on my %s?".formatted(f.pick(ACTIONS), f.pick(COMPONENTS), product);
              case 2 -> "How much is a replacement %s for the %s %s?".formatted(f.pick(COMPONENTS), f.pick(BRANDS), product);
              case 3 -> "What guarantee comes with the %s %s?".formatted(f.pick(BRANDS), product);
              case 4 -> "My %s started to %s after %s, what should I do?".formatted(product, symptom[1], f.pick(DURATIONS));
              default -> "Does the %s from the %s fit the older %s models?".formatted(f.pick(COMPONENTS), product, product);
            };
        if (!not.contains(question)) {
          questions.add(question);
        }
      }
      return new ArrayList<>(questions);
    }
  }

  // ------------------------------------------------------------------------------------------
  // A PDF written by hand: Helvetica text pages, uncompressed content streams

  record Pdf(byte[] bytes, int pages, long characters) {

    static final int LINES = 60;
    static final int WIDTH = 95;

    /** About {@code size} bytes of pages of distinct text, {@code unique} on a line of the middle page. */
    static Pdf of(long size, String unique) {
      Filler filler = new Filler(FILLER_SEED * 31);
      List<List<String>> pages = new ArrayList<>();
      long estimate = 600;
      StringBuilder line = new StringBuilder();
      List<String> page = new ArrayList<>();
      while (estimate < size) {
        for (String word : filler.sentence().split(" ")) {
          if (line.length() + word.length() + 1 > WIDTH) {
            page.add(line.toString());
            estimate += line.length() + 8;
            line.setLength(0);
            if (page.size() == LINES) {
              pages.add(page);
              estimate += 230;
              page = new ArrayList<>();
            }
          }
          if (!line.isEmpty()) {
            line.append(' ');
          }
          line.append(word);
        }
      }
      if (!page.isEmpty()) {
        pages.add(page);
      }
      List<String> middle = pages.get(pages.size() / 2);
      middle.add(Math.min(LINES / 2, middle.size()), unique);
      if (middle.size() > LINES) {
        middle.removeLast();
      }

      ByteArrayOutputStream out = new ByteArrayOutputStream((int) size + 100_000);
      List<Integer> offsets = new ArrayList<>();
      int objects = 3 + 2 * pages.size();
      write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
      offsets.add(out.size());
      write(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
      offsets.add(out.size());
      StringBuilder kids = new StringBuilder();
      for (int i = 0; i < pages.size(); i++) {
        kids.append(4 + 2 * i).append(" 0 R ");
      }
      write(out, "2 0 obj\n<< /Type /Pages /Kids [ " + kids + "] /Count " + pages.size() + " >>\nendobj\n");
      offsets.add(out.size());
      write(out, "3 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n");
      long characters = 0;
      for (int i = 0; i < pages.size(); i++) {
        int pageObject = 4 + 2 * i;
        offsets.add(out.size());
        write(
            out,
            pageObject + " 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
                + " /Resources << /Font << /F1 3 0 R >> >> /Contents " + (pageObject + 1)
                + " 0 R >>\nendobj\n");
        StringBuilder stream = new StringBuilder("BT\n/F1 9 Tf\n12 TL\n40 760 Td\n");
        for (String text : pages.get(i)) {
          characters += text.length() + 1;
          stream.append('(').append(escape(text)).append(") Tj T*\n");
        }
        stream.append("ET\n");
        byte[] content = stream.toString().getBytes(StandardCharsets.ISO_8859_1);
        offsets.add(out.size());
        write(out, (pageObject + 1) + " 0 obj\n<< /Length " + content.length + " >>\nstream\n");
        out.writeBytes(content);
        write(out, "endstream\nendobj\n");
      }
      int xref = out.size();
      StringBuilder table = new StringBuilder("xref\n0 " + (objects + 1) + "\n0000000000 65535 f \n");
      for (int offset : offsets) {
        table.append("%010d 00000 n \n".formatted(offset));
      }
      table.append("trailer\n<< /Size ").append(objects + 1).append(" /Root 1 0 R >>\nstartxref\n")
          .append(xref).append("\n%%EOF\n");
      write(out, table.toString());
      return new Pdf(out.toByteArray(), pages.size(), characters);
    }

    static String escape(String text) {
      return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
    }

    static void write(ByteArrayOutputStream out, String text) {
      out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
  }

  // ------------------------------------------------------------------------------------------
  // JSON, text and output helpers

  /** A small JSON reader: objects become LinkedHashMaps, arrays Lists, numbers Doubles. */
  static final class Json {
    private final String s;
    private int i;

    private Json(String s) {
      this.s = s;
    }

    static Object parse(String text) {
      Json json = new Json(text);
      Object value = json.value();
      json.ws();
      if (json.i != text.length()) {
        throw new IllegalArgumentException("trailing characters in JSON at " + json.i);
      }
      return value;
    }

    private Object value() {
      ws();
      char c = s.charAt(i);
      switch (c) {
        case '{':
          return object();
        case '[':
          return array();
        case '"':
          return string();
        case 't':
          i += 4;
          return Boolean.TRUE;
        case 'f':
          i += 5;
          return Boolean.FALSE;
        case 'n':
          i += 4;
          return null;
        default:
          int start = i;
          while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
          }
          return Double.parseDouble(s.substring(start, i));
      }
    }

    private Map<String, Object> object() {
      Map<String, Object> map = new LinkedHashMap<>();
      i++;
      ws();
      if (s.charAt(i) == '}') {
        i++;
        return map;
      }
      while (true) {
        ws();
        String key = string();
        ws();
        i++; // :
        map.put(key, value());
        ws();
        if (s.charAt(i++) == '}') {
          return map;
        }
      }
    }

    private List<Object> array() {
      List<Object> list = new ArrayList<>();
      i++;
      ws();
      if (s.charAt(i) == ']') {
        i++;
        return list;
      }
      while (true) {
        list.add(value());
        ws();
        if (s.charAt(i++) == ']') {
          return list;
        }
      }
    }

    private String string() {
      StringBuilder b = new StringBuilder();
      i++;
      while (true) {
        char c = s.charAt(i++);
        if (c == '"') {
          return b.toString();
        }
        if (c != '\\') {
          b.append(c);
          continue;
        }
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'u' -> {
            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> b.append(e);
        }
      }
    }

    private void ws() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }
  }

  /** A JSON string literal. */
  static String q(String text) {
    StringBuilder b = new StringBuilder("\"");
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append("\\u%04x".formatted((int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return value instanceof List<?> l ? (List<Object>) l : List.of();
  }

  static String str(Object value) {
    return value == null ? "" : value.toString();
  }

  static double num(Object value) {
    return value instanceof Number n ? n.doubleValue() : 0;
  }

  static String normalize(String text) {
    return text.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
  }

  static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  /** The load averages (1, 5, 15 min), which say how busy the machine was with everything. */
  static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return "load average %s / %s / %s (1 / 5 / 15 min)".formatted(parts[0], parts[1], parts[2]);
    } catch (IOException | RuntimeException e) {
      return "load average unknown";
    }
  }

  static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  /** A line of the figures: printed and kept for figures.txt. */
  static void line(String format, Object... args) {
    String text = args.length == 0 ? format : format.formatted(args);
    System.out.println(text);
    figures.append(text).append('\n');
  }

  /** A progress note: printed only. */
  static void progress(String format, Object... args) {
    System.out.println("  .. " + format.formatted(args));
  }
}
