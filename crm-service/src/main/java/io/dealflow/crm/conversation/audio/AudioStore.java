package io.dealflow.crm.conversation.audio;

import io.dealflow.crm.jsonapi.Violations;
import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.ErrorKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Accepts, keeps and serves audio. An upload is checked before anything is stored: present and not
 * empty, within the size limit (413), a declared {@code format} the service knows and a {@code
 * duration} that is a number (422), content whose signature is a supported audio format (415), and
 * a declared format that matches that content (422). The caller checks that the owner exists in its
 * organization.
 */
@Service
public class AudioStore {

  private static final int SIGNATURE_BYTES = 12;
  private static final String SUPPORTED =
      Arrays.stream(AudioFormat.values()).map(AudioFormat::wire).collect(Collectors.joining(", "));

  private final AudioFiles files;
  private final UploadProperties limits;

  AudioStore(AudioFiles files, UploadProperties limits) {
    this.files = files;
    this.limits = limits;
  }

  /**
   * Checks and stores an upload, replacing the owner's previous file.
   *
   * @param file the uploaded part, null when the request had none
   * @param duration the {@code duration} part: seconds, a non-negative number
   * @param format the {@code format} part: what the client says the file is
   */
  @Transactional
  public StoredAudio store(
      UUID orgId,
      AudioOwner owner,
      UUID ownerId,
      @Nullable MultipartFile file,
      @Nullable String duration,
      @Nullable String format) {
    Violations violations = new Violations(owner.type());
    String part = owner.part();
    if (file == null || file.isEmpty()) {
      throw ApiException.invalid(
          owner.type() + "." + part, "blank", human(part) + " can't be blank");
    }
    long limit = limits.limitFor(owner).toBytes();
    if (file.getSize() > limit) {
      throw new ApiException(
          ApiError.of(
                  ErrorKind.PAYLOAD_TOO_LARGE,
                  human(part) + " is larger than " + limits.limitFor(owner).toMegabytes() + " MB")
              .withMeta("max_bytes", limit));
    }
    AudioFormat declared = null;
    if (format != null && !format.isBlank()) {
      declared = AudioFormat.fromWire(format).orElse(null);
      if (declared == null) {
        violations.add(
            "format", "inclusion", "Format must be one of " + SUPPORTED + ", not '" + format + "'");
      }
    }
    Double seconds = parseDuration(duration, violations);
    violations.throwIfAny();

    byte[] data = bytes(file);
    AudioFormat detected =
        AudioFormat.detect(Arrays.copyOf(data, Math.min(data.length, SIGNATURE_BYTES)))
            .orElseThrow(
                () ->
                    new ApiException(
                        ErrorKind.UNSUPPORTED_MEDIA_TYPE,
                        human(part) + " is not audio in a supported format (" + SUPPORTED + ")"));
    if (declared != null && declared != detected) {
      throw ApiException.invalid(
          owner.type() + ".format",
          "mismatch",
          "Format is " + declared.wire() + " but the file's content is " + detected.wire());
    }
    return files.put(
        orgId,
        owner,
        ownerId,
        detected,
        sha256(data),
        seconds,
        filename(file.getOriginalFilename()),
        data);
  }

  @Transactional(readOnly = true)
  public Optional<StoredAudio> find(UUID orgId, AudioOwner owner, UUID ownerId) {
    return files.find(orgId, owner, ownerId);
  }

  /** The stored files of many owners, by owner id. */
  @Transactional(readOnly = true)
  public Map<UUID, StoredAudio> findAll(UUID orgId, AudioOwner owner, Collection<UUID> ownerIds) {
    return files.findAll(orgId, owner, ownerIds).stream()
        .collect(Collectors.toMap(StoredAudio::ownerId, Function.identity()));
  }

  /** The file and its bytes, if the owner has one in this organization. */
  @Transactional(readOnly = true)
  public Optional<AudioContent> content(UUID orgId, AudioOwner owner, UUID ownerId) {
    return files
        .find(orgId, owner, ownerId)
        .flatMap(
            audio ->
                files.data(orgId, owner, ownerId).map(bytes -> new AudioContent(audio, bytes)));
  }

  /** Deletes the owner's file, in the transaction that deletes the owner. */
  public void delete(UUID orgId, AudioOwner owner, UUID ownerId) {
    files.delete(orgId, owner, ownerId);
  }

  /**
   * A stored file with its bytes.
   *
   * @param audio what is known about it
   * @param bytes its content
   */
  public record AudioContent(StoredAudio audio, byte[] bytes) {}

  private static @Nullable Double parseDuration(@Nullable String value, Violations violations) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      double seconds = Double.parseDouble(value.strip());
      if (Double.isFinite(seconds) && seconds >= 0) {
        return seconds;
      }
    } catch (NumberFormatException notANumber) {
      // reported below, like a negative number
    }
    violations.add("duration", "invalid", "Duration must be a number of seconds, 0 or more");
    return null;
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the upload", e);
    }
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }

  private static @Nullable String filename(@Nullable String original) {
    if (original == null || original.isBlank()) {
      return null;
    }
    String name = original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    return name.length() > 255 ? name.substring(0, 255) : name;
  }

  private static String human(String part) {
    String words = part.replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
