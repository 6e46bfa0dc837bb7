package io.dealflow.crm.jsonapi;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The RFC 8288 {@code Link} header of a list: {@code first}, {@code prev}, {@code next} and {@code
 * last}, each the request's own URL (same filters, search and sort) with {@code page} and {@code
 * per_page} set. {@code prev} and {@code next} are left out where there is no such page.
 */
public final class PageLinks {

  private PageLinks() {}

  /**
   * @param requestUri the absolute URL the list was requested at, query included
   * @param meta the list's pagination
   */
  public static String header(URI requestUri, PaginationMeta meta) {
    List<String> links = new ArrayList<>(4);
    links.add(link(requestUri, 1, meta.perPage(), "first"));
    if (meta.prevPage() != null) {
      links.add(link(requestUri, meta.prevPage(), meta.perPage(), "prev"));
    }
    if (meta.nextPage() != null) {
      links.add(link(requestUri, meta.nextPage(), meta.perPage(), "next"));
    }
    links.add(link(requestUri, meta.totalPages(), meta.perPage(), "last"));
    return String.join(", ", links);
  }

  private static String link(URI requestUri, int page, int perPage, String rel) {
    String target =
        UriComponentsBuilder.fromUri(requestUri)
            .replaceQueryParam("page", page)
            .replaceQueryParam("per_page", perPage)
            .build(true)
            .toUriString();
    return "<" + target + ">; rel=\"" + rel + "\"";
  }
}
