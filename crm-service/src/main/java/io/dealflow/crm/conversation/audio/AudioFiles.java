package io.dealflow.crm.conversation.audio;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code audio_files} table. */
@Repository
class AudioFiles {

  private static final String COLUMNS =
      "id, owner_id, format, content_type, size_bytes, sha256, duration_seconds,"
          + " original_filename, created_at";

  private final JdbcClient jdbc;

  AudioFiles(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the file, replacing the owner's previous one. */
  StoredAudio put(
      UUID orgId,
      AudioOwner owner,
      UUID ownerId,
      AudioFormat format,
      String sha256,
      @Nullable Double duration,
      @Nullable String filename,
      byte[] data) {
    return jdbc.sql(
            """
            INSERT INTO audio_files (id, org_id, owner_kind, owner_id, format, content_type,
                                     size_bytes, sha256, duration_seconds, original_filename, data)
            VALUES (:id, :orgId, :kind, :ownerId, :format, :contentType,
                    :size, :sha256, :duration, :filename, :data)
            ON CONFLICT (org_id, owner_kind, owner_id) DO UPDATE SET
              id = excluded.id, format = excluded.format, content_type = excluded.content_type,
              size_bytes = excluded.size_bytes, sha256 = excluded.sha256,
              duration_seconds = excluded.duration_seconds,
              original_filename = excluded.original_filename, data = excluded.data,
              created_at = now()
            RETURNING\s"""
                + COLUMNS)
        .param("id", UUID.randomUUID())
        .param("orgId", orgId)
        .param("kind", owner.kind())
        .param("ownerId", ownerId)
        .param("format", format.wire())
        .param("contentType", format.contentType())
        .param("size", (long) data.length)
        .param("sha256", sha256)
        .param("duration", duration)
        .param("filename", filename)
        .param("data", data)
        .query(AudioFiles::map)
        .single();
  }

  Optional<StoredAudio> find(UUID orgId, AudioOwner owner, UUID ownerId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM audio_files
                WHERE org_id = :orgId AND owner_kind = :kind AND owner_id = :ownerId
                """)
        .param("orgId", orgId)
        .param("kind", owner.kind())
        .param("ownerId", ownerId)
        .query(AudioFiles::map)
        .optional();
  }

  List<StoredAudio> findAll(UUID orgId, AudioOwner owner, Collection<UUID> ownerIds) {
    if (ownerIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM audio_files
                WHERE org_id = :orgId AND owner_kind = :kind AND owner_id IN (:ownerIds)
                """)
        .param("orgId", orgId)
        .param("kind", owner.kind())
        .param("ownerIds", ownerIds)
        .query(AudioFiles::map)
        .list();
  }

  Optional<byte[]> data(UUID orgId, AudioOwner owner, UUID ownerId) {
    return jdbc.sql(
            """
            SELECT data FROM audio_files
             WHERE org_id = :orgId AND owner_kind = :kind AND owner_id = :ownerId
            """)
        .param("orgId", orgId)
        .param("kind", owner.kind())
        .param("ownerId", ownerId)
        .query((rs, row) -> rs.getBytes("data"))
        .optional();
  }

  void delete(UUID orgId, AudioOwner owner, UUID ownerId) {
    jdbc.sql(
            """
            DELETE FROM audio_files
             WHERE org_id = :orgId AND owner_kind = :kind AND owner_id = :ownerId
            """)
        .param("orgId", orgId)
        .param("kind", owner.kind())
        .param("ownerId", ownerId)
        .update();
  }

  private static StoredAudio map(ResultSet rs, int row) throws SQLException {
    double duration = rs.getDouble("duration_seconds");
    return new StoredAudio(
        rs.getObject("id", UUID.class),
        rs.getObject("owner_id", UUID.class),
        AudioFormat.fromWire(rs.getString("format")).orElseThrow(),
        rs.getString("content_type"),
        rs.getLong("size_bytes"),
        rs.getString("sha256"),
        rs.wasNull() ? null : duration,
        rs.getString("original_filename"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
