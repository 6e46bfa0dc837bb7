package io.dealflow.support.knowledge.web;

import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.security.Tenant;
import io.dealflow.support.access.Access;
import io.dealflow.support.document.DocumentReader;
import io.dealflow.support.document.DocumentText;
import io.dealflow.support.knowledge.KnowledgeManagement;
import io.dealflow.support.knowledge.KnowledgeSource.UploadedFile;
import io.dealflow.support.knowledge.SourceDraft;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** HeliosCS file uploads: documents that become knowledge sources. */
@RestController
@RequestMapping("/api/v1/support/files")
@Tag(name = "Files (HeliosCS)")
@SecurityRequirement(name = "bearer")
class FileController {

  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final DocumentReader documents;
  private final KnowledgeManagement knowledge;
  private final JsonMapper json;

  FileController(DocumentReader documents, KnowledgeManagement knowledge, JsonMapper json) {
    this.documents = documents;
    this.knowledge = knowledge;
    this.json = json;
  }

  @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Upload a document into the knowledge base (staff)",
      description =
          "Multipart: `file` (PDF, DOCX, HTML, Markdown or text, at most 25 MB; the type is read"
              + " from the bytes, others 415), `category`, `metadata` (a JSON object; `name` and"
              + " `url` are used). 201 with the knowledge source, searchable, or 202 with"
              + " `status` `indexing` for a document of more than 50 passages.")
  ResponseEntity<SourceBody> upload(
      Tenant caller,
      @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
      @RequestParam(required = false) @Nullable String category,
      @RequestParam(required = false) @Nullable String metadata) {
    UUID orgId = Access.staffOrganization(caller, "upload knowledge files");
    if (file == null || file.isEmpty()) {
      throw ApiException.invalid("file", "required", "must be a non-empty file");
    }
    Map<String, Object> meta = metadata(metadata);
    String fileName =
        file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
            ? "upload"
            : file.getOriginalFilename().strip();
    DocumentText document = documents.read(fileName, bytes(file));
    if (document.text().isBlank()) {
      throw ApiException.invalid("file", "empty", "holds no text");
    }
    String name = KnowledgeController.text(meta, "name", 300);
    if (name == null) {
      name = document.title() == null ? fileName : document.title();
    }
    String inCategory =
        category == null || category.isBlank()
            ? KnowledgeController.text(meta, "category", 100)
            : category.strip();
    if (inCategory != null && inCategory.length() > 100) {
      throw ApiException.invalid("category", "size", "must be at most 100 characters");
    }
    SourceDraft draft =
        new SourceDraft(
            name.length() > 300 ? name.substring(0, 300) : name,
            "file",
            document.text(),
            inCategory,
            KnowledgeController.text(meta, "url", 2000),
            KnowledgeController.withoutNulls(meta),
            new UploadedFile(fileName, document.mediaType(), file.getSize()));
    return KnowledgeController.created(knowledge.add(orgId, caller.userId(), draft));
  }

  private Map<String, Object> metadata(@Nullable String metadata) {
    if (metadata == null || metadata.isBlank()) {
      return Map.of();
    }
    try {
      Map<String, Object> parsed = json.readValue(metadata, OBJECT);
      if (parsed == null || parsed.size() > 50) {
        throw ApiException.invalid(
            "metadata", "format", "must be a JSON object of at most 50 entries");
      }
      return parsed;
    } catch (JacksonException e) {
      throw ApiException.invalid("metadata", "format", "must be a JSON object");
    }
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw ApiException.invalid("file", "unreadable", "could not be read");
    }
  }
}
