package io.dealflow.crm.jsonapi;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.util.ForwardedHeaderUtils;

/**
 * Answers a list request: the document with {@code meta.pagination} and the {@code Link} header.
 * Links are absolute and name the host the client called, also through the gateway (which sends
 * {@code X-Forwarded-Host/-Proto/-Port}).
 */
public final class Lists {

  private Lists() {}

  public static ResponseEntity<ListDocument> ok(HttpServletRequest request, Page<Resource> page) {
    PaginationMeta meta = page.meta();
    return ResponseEntity.ok()
        .header(HttpHeaders.LINK, PageLinks.header(requestUri(request), meta))
        .body(ListDocument.of(List.copyOf(page.items()), meta));
  }

  static URI requestUri(HttpServletRequest request) {
    ServletServerHttpRequest http = new ServletServerHttpRequest(request);
    return ForwardedHeaderUtils.adaptFromForwardedHeaders(http.getURI(), http.getHeaders())
        .build(true)
        .toUri();
  }
}
