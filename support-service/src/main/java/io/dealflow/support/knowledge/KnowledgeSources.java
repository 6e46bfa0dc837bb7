package io.dealflow.support.knowledge;

import io.dealflow.support.knowledge.KnowledgeSource.UploadedFile;
import io.dealflow.support.text.SearchPattern;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code knowledge_sources} table and the organization's knowledge revision. Every query names
 * its organization.
 */
@Repository
class KnowledgeSources {

  private static final String COLUMNS =
      """
      id, org_id, name, type, category, url, metadata, content, file_name, media_type, size_bytes,
      chunk_count, status, failure, created_by, created_at, updated_at
      """;

  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  KnowledgeSources(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void insert(KnowledgeSource source) {
    UploadedFile file = source.file();
    jdbc.sql(
            """
            INSERT INTO knowledge_sources (%s)
            VALUES (:id, :orgId, :name, :type, :category, :url, CAST(:metadata AS jsonb), :content,
                    :fileName, :mediaType, :sizeBytes, :chunkCount, :status, :failure,
                    :createdBy, :createdAt, :updatedAt)
            """
                .formatted(COLUMNS))
        .param("id", source.id())
        .param("orgId", source.orgId())
        .param("name", source.name())
        .param("type", source.type())
        .param("category", source.category())
        .param("url", source.url())
        .param("metadata", json.writeValueAsString(source.metadata()))
        .param("content", source.content())
        .param("fileName", file == null ? null : file.name())
        .param("mediaType", file == null ? null : file.mediaType())
        .param("sizeBytes", file == null ? null : file.sizeBytes())
        .param("chunkCount", source.chunkCount())
        .param("status", source.status())
        .param("failure", source.failure())
        .param("createdBy", source.createdBy())
        .param("createdAt", Timestamp.from(source.createdAt()))
        .param("updatedAt", Timestamp.from(source.updatedAt()))
        .update();
  }

  void update(KnowledgeSource source) {
    jdbc.sql(
            """
            UPDATE knowledge_sources
            SET name = :name, type = :type, category = :category, url = :url,
                metadata = CAST(:metadata AS jsonb), content = :content,
                chunk_count = :chunkCount, status = :status, failure = :failure,
                claimed_until = NULL, updated_at = :updatedAt
            WHERE org_id = :orgId AND id = :id
            """)
        .param("id", source.id())
        .param("orgId", source.orgId())
        .param("name", source.name())
        .param("type", source.type())
        .param("category", source.category())
        .param("url", source.url())
        .param("metadata", json.writeValueAsString(source.metadata()))
        .param("content", source.content())
        .param("chunkCount", source.chunkCount())
        .param("status", source.status())
        .param("failure", source.failure())
        .param("updatedAt", Timestamp.from(source.updatedAt()))
        .update();
  }

  /**
   * Claims the oldest source waiting to be indexed whose claim (if any) has expired, until {@code
   * until}; across organizations, so one worker serves them all.
   *
   * @return the claimed source's organization and id
   */
  Optional<Claim> claimIndexing(Instant now, Instant until) {
    return jdbc.sql(
            """
            UPDATE knowledge_sources SET claimed_until = :until
            WHERE id = (SELECT id FROM knowledge_sources
                        WHERE status = 'indexing'
                          AND (claimed_until IS NULL OR claimed_until < :now)
                        ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING org_id, id, updated_at
            """)
        .param("now", Timestamp.from(now))
        .param("until", Timestamp.from(until))
        .query(
            (rs, row) ->
                new Claim(
                    rs.getObject("org_id", UUID.class),
                    rs.getObject("id", UUID.class),
                    rs.getTimestamp("updated_at").toInstant()))
        .optional();
  }

  /** A source claimed for indexing, as it was when claimed. */
  record Claim(UUID orgId, UUID sourceId, Instant version) {}

  /** Records the end of indexing: ready with its passages counted, or failed with the reason. */
  void indexed(UUID orgId, UUID id, String status, int chunkCount, @Nullable String failure) {
    jdbc.sql(
            """
            UPDATE knowledge_sources
            SET status = :status, chunk_count = :chunkCount, failure = :failure,
                claimed_until = NULL
            WHERE org_id = :orgId AND id = :id
            """)
        .param("orgId", orgId)
        .param("id", id)
        .param("status", status)
        .param("chunkCount", chunkCount)
        .param("failure", failure)
        .update();
  }

  boolean delete(UUID orgId, UUID id) {
    return jdbc.sql("DELETE FROM knowledge_sources WHERE org_id = :orgId AND id = :id")
            .param("orgId", orgId)
            .param("id", id)
            .update()
        > 0;
  }

  /** The source, locked for a change. */
  Optional<KnowledgeSource> findForUpdate(UUID orgId, UUID id) {
    return jdbc.sql(
            "SELECT %s FROM knowledge_sources WHERE org_id = :orgId AND id = :id FOR UPDATE"
                .formatted(COLUMNS))
        .param("orgId", orgId)
        .param("id", id)
        .query(this::source)
        .optional();
  }

  Optional<KnowledgeSource> find(UUID orgId, UUID id) {
    return jdbc.sql(
            "SELECT %s FROM knowledge_sources WHERE org_id = :orgId AND id = :id"
                .formatted(COLUMNS))
        .param("orgId", orgId)
        .param("id", id)
        .query(this::source)
        .optional();
  }

  /** Newest first; {@code search} matches the name or the text, {@code category} exactly. */
  List<KnowledgeSource> list(
      UUID orgId, @Nullable String category, @Nullable String search, int offset, int limit) {
    return jdbc.sql(
            """
            SELECT %s FROM knowledge_sources
            WHERE org_id = :orgId %s
            ORDER BY created_at DESC, id
            OFFSET :offset LIMIT :limit
            """
                .formatted(COLUMNS, filters(category, search)))
        .param("orgId", orgId)
        .param("category", category)
        .param("search", like(search))
        .param("offset", offset)
        .param("limit", limit)
        .query(this::source)
        .list();
  }

  long count(UUID orgId, @Nullable String category, @Nullable String search) {
    return jdbc.sql(
            "SELECT count(*) FROM knowledge_sources WHERE org_id = :orgId %s"
                .formatted(filters(category, search)))
        .param("orgId", orgId)
        .param("category", category)
        .param("search", like(search))
        .query(Long.class)
        .single();
  }

  /** Marks the organization's knowledge as changed, in the change's transaction. */
  void bumpRevision(UUID orgId) {
    jdbc.sql(
            """
            INSERT INTO knowledge_revisions (org_id, revision) VALUES (:orgId, 1)
            ON CONFLICT (org_id) DO UPDATE SET revision = knowledge_revisions.revision + 1
            """)
        .param("orgId", orgId)
        .update();
  }

  long revision(UUID orgId) {
    return jdbc.sql("SELECT revision FROM knowledge_revisions WHERE org_id = :orgId")
        .param("orgId", orgId)
        .query(Long.class)
        .optional()
        .orElse(0L);
  }

  private static String filters(@Nullable String category, @Nullable String search) {
    String where = "";
    if (category != null) {
      where += " AND category = :category";
    }
    if (search != null) {
      where += " AND (name ILIKE :search OR content ILIKE :search)";
    }
    return where;
  }

  private static @Nullable String like(@Nullable String search) {
    return search == null ? null : SearchPattern.containing(search);
  }

  private KnowledgeSource source(ResultSet rs, int row) throws SQLException {
    String fileName = rs.getString("file_name");
    return new KnowledgeSource(
        rs.getObject("id", UUID.class),
        rs.getObject("org_id", UUID.class),
        rs.getString("name"),
        rs.getString("type"),
        rs.getString("category"),
        rs.getString("url"),
        json.readValue(rs.getString("metadata"), OBJECT),
        rs.getString("content"),
        fileName == null
            ? null
            : new UploadedFile(fileName, rs.getString("media_type"), rs.getLong("size_bytes")),
        rs.getInt("chunk_count"),
        rs.getString("status"),
        rs.getString("failure"),
        rs.getObject("created_by", UUID.class),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
