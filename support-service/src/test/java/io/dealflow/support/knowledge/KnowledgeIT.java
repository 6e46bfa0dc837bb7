package io.dealflow.support.knowledge;

import static io.dealflow.support.HeliosErrors.assertHeliosError;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.ApiClient;
import io.dealflow.platform.test.ApiClient.Response;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import io.dealflow.support.Knowledge;
import io.dealflow.support.RunningSupportService;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The knowledge base over HTTP: sources written by staff and read by every member, search in its
 * three modes, and files uploaded as PDF, DOCX, HTML or Markdown that become searchable sources.
 */
@TestPropertySource(properties = "dealflow.support.knowledge.statistics-min-changes=1")
class KnowledgeIT extends RunningSupportService {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Autowired private JdbcClient jdbc;
  @Autowired private LexemeFrequencies frequencies;

  private static final String DAWN =
      "Vault access. The vault opens at dawn for armoured deliveries only. Every delivery is"
          + " logged by two guards.";
  private static final String DUSK =
      "Vault access. The vault now opens at dusk, after the last armoured van has left. Every"
          + " delivery is still logged by two guards.";

  static String paragraphs(String topic, int count) {
    List<String> paragraphs = new ArrayList<>();
    for (int p = 1; p <= count; p++) {
      StringBuilder paragraph = new StringBuilder();
      for (int s = 1; s <= 8; s++) {
        paragraph.append(
            "Rule %d.%d of the %s keeps every parcel safe on its way home. "
                .formatted(p, s, topic));
      }
      paragraphs.add(paragraph.toString().strip());
    }
    return String.join("\n\n", paragraphs);
  }

  static JsonNode search(ApiClient client, String query) {
    Response found = client.get("/support/knowledge/search?" + query);
    assertThat(found.status()).as(found.toString()).isEqualTo(200);
    return found.json();
  }

  static String q(String text) {
    return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  static List<Double> confidences(JsonNode results) {
    List<Double> confidences = new ArrayList<>();
    results.forEach(result -> confidences.add(result.get("confidence").asDouble()));
    return confidences;
  }

  static List<String> values(JsonNode results, String field) {
    List<String> values = new ArrayList<>();
    results.forEach(result -> values.add(result.get(field).asString()));
    return values;
  }

  static String header(Response response, String name) {
    return response.headers().firstValue(name).orElse("");
  }

  @Test
  void sourcesAreCreatedListedReadRevisedAndRemoved() {
    Org org = organization();
    String manual = paragraphs("warehouse manual", 2);

    Response created =
        org.staff()
            .post(
                "/support/knowledge/sources",
                Map.of(
                    "name",
                    "Vault Hours",
                    "type",
                    "policy",
                    "content",
                    DAWN,
                    "metadata",
                    Map.of("category", "security", "url", "/kb/vault", "author", "ops")));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode vault = created.json();
    String id = vault.get("id").asString();
    assertThat(vault.get("source_id").asString()).isEqualTo(id);
    assertThat(vault.get("name").asString()).isEqualTo("Vault Hours");
    assertThat(vault.get("type").asString()).isEqualTo("policy");
    assertThat(vault.get("category").asString()).isEqualTo("security");
    assertThat(vault.get("url").asString()).isEqualTo("/kb/vault");
    assertThat(vault.get("metadata").get("author").asString()).isEqualTo("ops");
    assertThat(vault.get("chunk_count").asInt()).isEqualTo(1);
    assertThat(vault.get("content_length").asInt()).isEqualTo(DAWN.length());
    assertThat(vault.path("content").isNull()).isTrue();
    assertThat(vault.get("created_by").asString()).isEqualTo(org.staffUser().id().toString());

    Response manualCreated =
        org.staff()
            .post(
                "/support/knowledge/sources",
                Map.of("name", "Warehouse Manual", "content", manual));
    assertThat(manualCreated.status()).as(manualCreated.toString()).isEqualTo(201);
    assertThat(manualCreated.json().get("type").asString()).isEqualTo("document");
    assertThat(manualCreated.json().get("chunk_count").asInt())
        .isEqualTo(Chunker.chunks(manual).size())
        .isEqualTo(2);
    String shipping = Knowledge.add(org.staff(), "Shipping Policy", Knowledge.SHIPPING, "shipping");

    Response firstPage = org.customer().get("/support/knowledge/sources?page=1&size=2");
    assertThat(firstPage.status()).as(firstPage.toString()).isEqualTo(200);
    assertThat(header(firstPage, "X-Total-Count")).isEqualTo("3");
    assertThat(header(firstPage, "X-Page-Count")).isEqualTo("2");
    assertThat(header(firstPage, "X-Current-Page")).isEqualTo("1");
    assertThat(values(firstPage.json(), "name"))
        .containsExactly("Shipping Policy", "Warehouse Manual");
    assertThat(firstPage.json().get(0).path("content").isNull()).isTrue();
    Response secondPage = org.customer().get("/support/knowledge/sources?page=2&size=2");
    assertThat(header(secondPage, "X-Current-Page")).isEqualTo("2");
    assertThat(values(secondPage.json(), "id")).containsExactly(id);
    assertThat(
            values(org.customer().get("/support/knowledge/sources?category=security").json(), "id"))
        .containsExactly(id);
    assertThat(
            values(org.customer().get("/support/knowledge/sources?search=ARMOURED").json(), "id"))
        .containsExactly(id);
    assertThat(
            values(
                org.customer().get("/support/knowledge/sources?search=Shipping%20Pol").json(),
                "id"))
        .containsExactly(shipping);

    JsonNode read = org.customer().get("/support/knowledge/sources/" + id).json();
    assertThat(read.get("content").asString()).isEqualTo(DAWN);
    assertThat(read.get("metadata").get("category").asString()).isEqualTo("security");
    JsonNode before = search(org.customer(), q("When does the vault open?")).get("results");
    assertThat(before.get(0).get("source_id").asString()).isEqualTo(id);
    assertThat(before.get(0).get("content").asString()).contains("opens at dawn");

    Response revised =
        org.staff()
            .put(
                "/support/knowledge/sources/" + id,
                Map.of(
                    "name",
                    "Vault Hours v2",
                    "type",
                    "policy",
                    "content",
                    DUSK,
                    "metadata",
                    Map.of("category", "security")));

    assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
    assertThat(revised.json().get("name").asString()).isEqualTo("Vault Hours v2");
    assertThat(revised.json().get("created_at").asString())
        .isEqualTo(read.get("created_at").asString());
    assertThat(Instant.parse(revised.json().get("updated_at").asString()))
        .isAfter(Instant.parse(read.get("updated_at").asString()));
    assertThat(revised.json().path("url").isNull()).isTrue();
    JsonNode after = search(org.customer(), q("When does the vault open?")).get("results");
    assertThat(after.get(0).get("source_id").asString()).isEqualTo(id);
    assertThat(after.get(0).get("title").asString()).isEqualTo("Vault Hours v2");
    assertThat(after.get(0).get("content").asString()).contains("opens at dusk");
    assertThat(after.toString()).doesNotContain("dawn");
    assertThat(
            org.customer().get("/support/knowledge/sources/" + id).json().get("content").asString())
        .isEqualTo(DUSK);

    Response removed = org.staff().delete("/support/knowledge/sources/" + id);

    assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
    assertThat(removed.body()).isEmpty();
    assertHeliosError(org.customer().get("/support/knowledge/sources/" + id), 404, "NOT_FOUND");
    assertHeliosError(org.staff().delete("/support/knowledge/sources/" + id), 404, "NOT_FOUND");
    assertHeliosError(
        org.staff()
            .put(
                "/support/knowledge/sources/" + id,
                Map.of("name", "Vault Hours v3", "content", DAWN)),
        404,
        "NOT_FOUND");
    JsonNode gone = search(org.customer(), q("When does the vault open?")).get("results");
    assertThat(values(gone, "source_id")).isNotEmpty().doesNotContain(id);
    assertThat(gone.toString()).doesNotContain("vault");
    assertThat(header(org.customer().get("/support/knowledge/sources"), "X-Total-Count"))
        .isEqualTo("2");
  }

  @Test
  void onlyStaffWriteTheKnowledgeAndOnlyTheirOrganizationSeesIt() {
    Org org = organization();
    String id = Knowledge.add(org.staff(), "Support Hours", Knowledge.HOURS, "hours");
    Map<String, Object> source = Map.of("name", "Rogue Policy", "content", "Everything is free.");

    assertHeliosError(
        org.customer().post("/support/knowledge/sources", source), 403, "AUTHORIZATION_ERROR");
    assertHeliosError(
        org.customer().put("/support/knowledge/sources/" + id, source), 403, "AUTHORIZATION_ERROR");
    assertHeliosError(
        org.customer().delete("/support/knowledge/sources/" + id), 403, "AUTHORIZATION_ERROR");
    assertHeliosError(
        upload(
            org.customerUser(),
            file("rogue.md", "# Rogue\n\nEverything is free.".getBytes()),
            Map.of()),
        403,
        "AUTHORIZATION_ERROR");

    assertThat(org.customer().get("/support/knowledge/sources/" + id).status()).isEqualTo(200);
    assertThat(header(org.customer().get("/support/knowledge/sources"), "X-Total-Count"))
        .isEqualTo("1");
    assertThat(
            values(search(org.customer(), q("When is support open?")).get("results"), "source_id"))
        .containsExactly(id);
    assertThat(org.customer().get("/support/knowledge/sources/" + id).json().get("name").asString())
        .isEqualTo("Support Hours");

    TestUser manager = TestUsers.create(org.staffUser().orgId(), "manager");
    Response byManager =
        as(manager)
            .put(
                "/support/knowledge/sources/" + id,
                Map.of("name", "Hours", "content", Knowledge.HOURS));
    assertThat(byManager.status()).as(byManager.toString()).isEqualTo(200);

    Org other = organization();
    assertHeliosError(other.staff().get("/support/knowledge/sources/" + id), 404, "NOT_FOUND");
    assertHeliosError(
        other.staff().put("/support/knowledge/sources/" + id, source), 404, "NOT_FOUND");
    assertHeliosError(other.staff().delete("/support/knowledge/sources/" + id), 404, "NOT_FOUND");
    assertThat(header(other.staff().get("/support/knowledge/sources"), "X-Total-Count"))
        .isEqualTo("0");
    assertThat(search(other.staff(), q("When is support open?")).get("results")).isEmpty();
    assertThat(org.customer().get("/support/knowledge/sources/" + id).status()).isEqualTo(200);

    assertHeliosError(
        new ApiClient(baseUrl() + "/api/v1", null).get("/support/knowledge/sources"),
        401,
        "AUTHENTICATION_ERROR");
  }

  @Test
  void invalidSourcesAndSearchesAreRefusedInTheHeliosFormat() {
    Org org = organization();

    JsonNode noName =
        assertHeliosError(
            org.staff().post("/support/knowledge/sources", Map.of("content", "Some text.")),
            400,
            "VALIDATION_ERROR");
    assertThat(noName.get("details")).hasSize(1);
    assertThat(noName.get("details").get(0).get("field").asString()).isEqualTo("name");
    assertThat(noName.get("details").get(0).get("message").asString()).isNotBlank();
    assertThat(
            invalidField(
                org.staff()
                    .post("/support/knowledge/sources", Map.of("name", "Blank", "content", "   "))))
        .isEqualTo("content");
    assertThat(
            invalidField(
                org.staff()
                    .post(
                        "/support/knowledge/sources",
                        Map.of("name", "Video", "type", "video", "content", "Some text."))))
        .isEqualTo("type");
    assertThat(
            invalidField(
                org.staff()
                    .post(
                        "/support/knowledge/sources",
                        Map.of("name", "Bad", "content", "Text.", "metadata", Map.of("url", 7)))))
        .isEqualTo("metadata.url");
    assertThat(header(org.staff().get("/support/knowledge/sources"), "X-Total-Count"))
        .isEqualTo("0");

    assertThat(invalidField(org.customer().get("/support/knowledge/search"))).isEqualTo("q");
    assertThat(invalidField(org.customer().get("/support/knowledge/search?q=%20"))).isEqualTo("q");
    assertThat(invalidField(org.customer().get("/support/knowledge/search?q=hours&limit=0")))
        .isEqualTo("limit");
    assertThat(invalidField(org.customer().get("/support/knowledge/search?q=hours&limit=51")))
        .isEqualTo("limit");
    assertThat(
            invalidField(
                org.customer().get("/support/knowledge/search?q=hours&confidence_threshold=1.5")))
        .isEqualTo("confidence_threshold");
    assertThat(invalidField(org.customer().get("/support/knowledge/search?q=hours&mode=fuzzy")))
        .isEqualTo("mode");
    assertThat(invalidField(org.customer().get("/support/knowledge/sources?size=101")))
        .isEqualTo("size");
    assertThat(invalidField(org.customer().get("/support/knowledge/sources?page=0")))
        .isEqualTo("page");
    assertHeliosError(
        org.customer().get("/support/knowledge/sources/not-a-uuid"), 404, "NOT_FOUND");
    assertHeliosError(
        org.customer().get("/support/knowledge/sources/" + UUID.randomUUID()), 404, "NOT_FOUND");
  }

  static String invalidField(Response response) {
    JsonNode error = assertHeliosError(response, 400, "VALIDATION_ERROR");
    return error.get("details").get(0).get("field").asString();
  }

  @Test
  void searchHonoursLimitCategoryThresholdAndMode() {
    Org org = organization();
    Knowledge.addPolicies(org.staff());
    Knowledge.add(
        org.staff(),
        "Trading Hours",
        "Our trading hours are Monday through Friday, 9:30 AM to 4:00 PM Eastern Time.",
        "trading");
    String refunds = q("How long do refunds take to arrive?");

    JsonNode hybrid = search(org.customer(), refunds);

    assertThat(hybrid.get("query").asString()).isEqualTo("How long do refunds take to arrive?");
    assertThat(hybrid.get("mode").asString()).isEqualTo("hybrid");
    JsonNode results = hybrid.get("results");
    assertThat(hybrid.get("total").asInt()).isEqualTo(results.size()).isEqualTo(4);
    JsonNode best = results.get(0);
    assertThat(best.get("title").asString()).isEqualTo("Returns Policy");
    assertThat(best.get("source").asString()).isEqualTo(best.get("source_id").asString());
    assertThat(best.get("category").asString()).isEqualTo("returns");
    assertThat(best.get("url").asString()).isEqualTo("/policies/returns");
    assertThat(best.get("content").asString()).contains("5 business days");
    assertThat(best.get("chunk_id").asString()).isNotBlank();
    List<Double> confidences = confidences(results);
    assertThat(confidences).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(confidences).allSatisfy(c -> assertThat(c).isBetween(0.0, 1.0));

    JsonNode one = search(org.customer(), refunds + "&limit=1").get("results");
    assertThat(one).hasSize(1);
    assertThat(one.get(0).get("chunk_id")).isEqualTo(best.get("chunk_id"));

    JsonNode shipping = search(org.customer(), refunds + "&category=shipping").get("results");
    assertThat(values(shipping, "title")).containsExactly("Shipping Policy");

    double threshold = confidences.get(1);
    JsonNode confident =
        search(org.customer(), refunds + "&confidence_threshold=" + threshold).get("results");
    assertThat(confidences(confident)).containsExactlyElementsOf(confidences.subList(0, 2));

    JsonNode fullText = search(org.customer(), q("express shipping") + "&mode=full_text");
    assertThat(fullText.get("mode").asString()).isEqualTo("full_text");
    assertThat(values(fullText.get("results"), "title")).containsExactly("Shipping Policy");
    assertThat(fullText.get("results").get(0).get("confidence").asDouble()).isEqualTo(1.0);

    String unknownWords = q("zebra giraffe");
    assertThat(search(org.customer(), unknownWords + "&mode=full_text").get("results")).isEmpty();
    JsonNode nearest = search(org.customer(), unknownWords + "&mode=embeddings");
    assertThat(nearest.get("mode").asString()).isEqualTo("embeddings");
    assertThat(nearest.get("results")).hasSize(4);
    assertThat(confidences(nearest.get("results")))
        .isSortedAccordingTo((a, b) -> Double.compare(b, a))
        .allSatisfy(c -> assertThat(c).isLessThan(0.5));
    assertThat(search(org.customer(), unknownWords).get("results")).hasSize(4);
    assertThat(search(org.customer(), unknownWords + "&confidence_threshold=0.5").get("results"))
        .isEmpty();
  }

  @Test
  void fullTextRelaxesAQuestionOnItsRareWordsOnly() {
    Org org = organization();
    for (int i = 1; i <= 40; i++) {
      Knowledge.add(
          org.staff(),
          "Gasket " + i,
          "The zorblat gasket number " + i + " seals the lid.",
          "parts");
    }
    Knowledge.add(org.staff(), "Frobnicator", "The frobnicator warms the milk.", "parts");
    double share =
        jdbc.sql("SELECT avg((search @@ 'zorblat'::tsquery)::int) FROM knowledge_chunks")
            .query(Double.class)
            .single();
    assertThat(share).isGreaterThanOrEqualTo(LexemeFrequencies.COMMON);
    // The table changed since its last analysis (this class allows 1 row): the refresh analyzes
    // it (PostgreSQL counts the changes a moment after they commit) and reads the common words.
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              frequencies.refresh();
              return frequencies.common().contains("zorblat");
            });

    // No passage holds both words; "zorblat" alone narrows nothing, so only the passage holding
    // the rare word is a candidate.
    JsonNode found =
        search(org.customer(), q("zorblat frobnicator") + "&mode=full_text").get("results");
    assertThat(values(found, "title")).containsExactly("Frobnicator");
    JsonNode both =
        search(org.customer(), q("zorblat gasket number 7") + "&mode=full_text").get("results");
    assertThat(both.get(0).get("title").asString()).isEqualTo("Gasket 7");
  }

  @Test
  void uploadedPdfDocxHtmlAndMarkdownBecomeSearchableSources() {
    Org org = organization();
    TestUser admin = TestUsers.create(org.staffUser().orgId(), "admin");
    List<Uploaded> files =
        List.of(
            new Uploaded(
                file(
                    "ferry.pdf",
                    pdf(
                        "Ferry Timetable",
                        "The harbour ferry to Zanzibar leaves at seven every Tuesday morning.")),
                "application/pdf",
                "Ferry Timetable",
                "When does the ferry to Zanzibar leave?",
                "ferry to Zanzibar leaves at seven"),
            new Uploaded(
                file(
                    "llamas.docx",
                    docx(
                        "Llama Sanctuary",
                        "Our llama sanctuary welcomes visitors on the first Sunday of each month.")),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "Llama Sanctuary",
                "When can I visit the llama sanctuary?",
                "llama sanctuary welcomes visitors on the first Sunday"),
            new Uploaded(
                file(
                    "volcano.html",
                    ("<!DOCTYPE html><html><head><title>Volcano Guide</title></head><body>"
                            + "<h1>Volcano tours</h1><p>The volcano tour departs from the north"
                            + " gate at noon with a certified guide.</p></body></html>")
                        .getBytes(StandardCharsets.UTF_8)),
                "text/html",
                "Volcano Guide",
                "Where does the volcano tour depart from?",
                "volcano tour departs from the north gate at noon"),
            new Uploaded(
                file(
                    "kayaks.md",
                    ("# Kayak rental\n\nKayaks can be rented at the **lakeside kiosk** for twelve"
                            + " dollars an hour.\n\n- Life jackets are included.\n")
                        .getBytes(StandardCharsets.UTF_8)),
                "text/markdown",
                "kayaks.md",
                "How much does a kayak cost to rent?",
                "Kayaks can be rented at the **lakeside kiosk** for twelve dollars an hour."));

    for (Uploaded expected : files) {
      Response uploaded =
          upload(
              admin,
              expected.file(),
              Map.of(
                  "category",
                  "leisure",
                  "metadata",
                  "{\"url\": \"/files/" + expected.file().name() + "\"}"));

      assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
      JsonNode source = uploaded.json();
      assertThat(source.get("type").asString()).isEqualTo("file");
      assertThat(source.get("name").asString()).isEqualTo(expected.name());
      assertThat(source.get("file_name").asString()).isEqualTo(expected.file().name());
      assertThat(source.get("media_type").asString()).isEqualTo(expected.mediaType());
      assertThat(source.get("size").asLong()).isEqualTo(expected.file().bytes().length);
      assertThat(source.get("category").asString()).isEqualTo("leisure");
      assertThat(source.get("url").asString()).isEqualTo("/files/" + expected.file().name());
      assertThat(source.get("chunk_count").asInt()).isPositive();
      assertThat(source.get("created_by").asString()).isEqualTo(admin.id().toString());
      String id = source.get("id").asString();
      assertThat(
              org.customer()
                  .get("/support/knowledge/sources/" + id)
                  .json()
                  .get("content")
                  .asString())
          .contains(expected.sentence());

      JsonNode top = search(org.customer(), q(expected.question())).get("results").get(0);
      assertThat(top.get("source_id").asString()).as(expected.file().name()).isEqualTo(id);
      assertThat(top.get("content").asString()).contains(expected.sentence());
    }
    Response named =
        upload(
            admin,
            file(
                "notes.md",
                "Gift wrapping costs two dollars per parcel.".getBytes(StandardCharsets.UTF_8)),
            Map.of("metadata", "{\"name\": \"Gift Wrapping\", \"category\": \"gifts\"}"));
    assertThat(named.status()).as(named.toString()).isEqualTo(201);
    assertThat(named.json().get("name").asString()).isEqualTo("Gift Wrapping");
    assertThat(named.json().get("category").asString()).isEqualTo("gifts");
    assertThat(named.json().get("media_type").asString()).isEqualTo("text/markdown");
    assertThat(header(org.customer().get("/support/knowledge/sources"), "X-Total-Count"))
        .isEqualTo("5");
  }

  @Test
  void aFileIsJudgedByItsBytesAndAnUploadWithoutOneIsRefused() {
    Org org = organization();

    JsonNode png =
        assertHeliosError(
            upload(org.staffUser(), file("policy.pdf", png()), Map.of()),
            415,
            "UNSUPPORTED_MEDIA_TYPE");
    assertThat(png.get("message").asString()).contains("image/png");
    JsonNode zip =
        assertHeliosError(
            upload(org.staffUser(), file("notes.pdf", zip()), Map.of()),
            415,
            "UNSUPPORTED_MEDIA_TYPE");
    assertThat(zip.get("message").asString()).contains("application/zip");
    assertHeliosError(
        upload(org.staffUser(), file("brochure.docx", png()), Map.of()),
        415,
        "UNSUPPORTED_MEDIA_TYPE");

    assertThat(invalidField(upload(org.staffUser(), null, Map.of("category", "policies"))))
        .isEqualTo("file");
    assertThat(invalidField(upload(org.staffUser(), file("empty.md", new byte[0]), Map.of())))
        .isEqualTo("file");
    assertThat(
            invalidField(
                upload(
                    org.staffUser(),
                    file("hours.md", "Open daily.".getBytes(StandardCharsets.UTF_8)),
                    Map.of("metadata", "not json"))))
        .isEqualTo("metadata");
    assertThat(header(org.staff().get("/support/knowledge/sources"), "X-Total-Count"))
        .isEqualTo("0");
  }

  /** A file to upload: its name as the client gives it and its bytes. */
  record FilePart(String name, byte[] bytes) {}

  /** An upload and what it must become. */
  record Uploaded(FilePart file, String mediaType, String name, String question, String sentence) {}

  static FilePart file(String name, byte[] bytes) {
    return new FilePart(name, bytes);
  }

  /**
   * {@code POST /support/files/upload} as multipart/form-data; the file part is always sent as
   * {@code application/octet-stream}, so the service can only go by its bytes.
   */
  Response upload(TestUser user, @Nullable FilePart file, Map<String, String> fields) {
    String boundary = "----support-test-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Map<String, String> ordered = new LinkedHashMap<>(fields);
    ordered.forEach(
        (name, value) ->
            write(
                body,
                "--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
                    .formatted(boundary, name, value)));
    if (file != null) {
      write(
          body,
          ("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\n"
                  + "Content-Type: application/octet-stream\r\n\r\n")
              .formatted(boundary, file.name()));
      body.writeBytes(file.bytes());
      write(body, "\r\n");
    }
    write(body, "--" + boundary + "--\r\n");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/support/files/upload"))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + user.token())
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    try {
      HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] pdf(String title, String sentence) {
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.getDocumentInformation().setTitle(title);
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream text = new PDPageContentStream(document, page)) {
        text.beginText();
        text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        text.newLineAtOffset(72, 700);
        text.showText(sentence);
        text.endText();
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] docx(String title, String sentence) {
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.getProperties().getCoreProperties().setTitle(title);
      document.createParagraph().createRun().setText(sentence);
      document.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] png() {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 3, 0xFF8800);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] zip() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("notes.txt"));
      zip.write("Returns are free within 30 days.".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
