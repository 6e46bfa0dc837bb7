package io.dealflow.support.document;

import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.ErrorKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.apache.tika.Tika;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * Reads PDF, DOCX, HTML, Markdown and plain-text files into text with Apache Tika. The type is
 * found from the bytes (magic numbers, then the structure of text), the file name only breaking a
 * tie between text formats, so a renamed file is what its bytes are; any other type is refused with
 * 415. At most {@value #MAX_CHARACTERS} characters of text are read from one file.
 */
@Component
public class DocumentReader {

  static final int MAX_CHARACTERS = 5_000_000;

  /** The accepted types, and what they are called in an error. */
  static final Map<String, String> ACCEPTED =
      Map.of(
          "application/pdf", "PDF",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX",
          "text/html", "HTML",
          "application/xhtml+xml", "HTML",
          "text/x-web-markdown", "Markdown",
          "text/markdown", "Markdown",
          "text/plain", "text");

  private final Tika tika = new Tika();
  private final AutoDetectParser parser = new AutoDetectParser();

  /**
   * @throws ApiException 415 for a type that is not accepted, 400 for a file that cannot be read
   */
  public DocumentText read(String fileName, byte[] bytes) {
    String mediaType = detect(fileName, bytes);
    if (!ACCEPTED.containsKey(mediaType)) {
      throw new ApiException(
          ApiError.of(
              ErrorKind.UNSUPPORTED_MEDIA_TYPE,
              "Files of type "
                  + mediaType
                  + " are not accepted: upload PDF, DOCX, HTML, Markdown or plain text"));
    }
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    metadata.set(Metadata.CONTENT_TYPE, mediaType);
    BodyContentHandler text = new BodyContentHandler(MAX_CHARACTERS);
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      parser.parse(in, text, metadata, new ParseContext());
    } catch (SAXException e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        throw unreadable(fileName);
      }
    } catch (IOException | TikaException e) {
      throw unreadable(fileName);
    }
    String title = metadata.get(TikaCoreProperties.TITLE);
    return new DocumentText(
        text.toString().strip(), mediaType, title == null || title.isBlank() ? null : title);
  }

  private String detect(String fileName, byte[] bytes) {
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      String detected = tika.detect(in, fileName);
      int parameters = detected.indexOf(';');
      return parameters < 0 ? detected : detected.substring(0, parameters);
    } catch (IOException e) {
      throw unreadable(fileName);
    }
  }

  private static ApiException unreadable(String fileName) {
    return ApiException.invalid("file", "unreadable", "could not read " + fileName);
  }
}
