package io.dealflow.crm.jsonapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealflow.platform.error.ApiException;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Pagination meta and the RFC 8288 Link header, as the seed's Pagination section shows them. */
class PaginationTest {

  @Test
  void theSeedsSecondPageOfFifty() {
    PaginationMeta meta = PaginationMeta.of(new PageRequest(2, 50), 500);

    assertThat(meta).isEqualTo(new PaginationMeta(2, 10, 500, 50, 1, 3));
    assertThat(
            PageLinks.header(URI.create("https://api.example.com/leads?page=2&per_page=50"), meta))
        .isEqualTo(
            "<https://api.example.com/leads?page=1&per_page=50>; rel=\"first\", "
                + "<https://api.example.com/leads?page=1&per_page=50>; rel=\"prev\", "
                + "<https://api.example.com/leads?page=3&per_page=50>; rel=\"next\", "
                + "<https://api.example.com/leads?page=10&per_page=50>; rel=\"last\"");
  }

  @Test
  void theFirstPageHasNoPrevAndTheLastNoNext() {
    PaginationMeta first = PaginationMeta.of(new PageRequest(1, 25), 30);
    PaginationMeta last = PaginationMeta.of(new PageRequest(2, 25), 30);

    assertThat(first.prevPage()).isNull();
    assertThat(first.nextPage()).isEqualTo(2);
    assertThat(last.prevPage()).isEqualTo(1);
    assertThat(last.nextPage()).isNull();
    assertThat(PageLinks.header(URI.create("http://h/api/v1/leads"), first))
        .doesNotContain("rel=\"prev\"")
        .contains("rel=\"next\"");
  }

  @Test
  void anEmptyListHasOnePage() {
    PaginationMeta meta = PaginationMeta.of(new PageRequest(1, 25), 0);

    assertThat(meta).isEqualTo(new PaginationMeta(1, 1, 0, 25, null, null));
  }

  @Test
  void aPagePastTheEndLeadsBackToTheLastPage() {
    PaginationMeta meta = PaginationMeta.of(new PageRequest(9, 10), 25);

    assertThat(meta.totalPages()).isEqualTo(3);
    assertThat(meta.prevPage()).isEqualTo(3);
    assertThat(meta.nextPage()).isNull();
  }

  @Test
  void linksKeepFiltersAndEncodedValues() {
    String header =
        PageLinks.header(
            URI.create("http://h/api/v1/leads?status=new&search=J%C3%BCrgen%20K&per_page=10"),
            PaginationMeta.of(new PageRequest(1, 10), 15));

    assertThat(header)
        .contains("<http://h/api/v1/leads?status=new&search=J%C3%BCrgen%20K&page=2&per_page=10>");
  }

  @Test
  void defaultsAreThePageOneAndTwentyFiveAndPerPageIsCappedAtOneHundred() {
    assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(1, 25));
    assertThat(PageRequest.of(3, 500)).isEqualTo(new PageRequest(3, 100));
    assertThat(new PageRequest(3, 20).offset()).isEqualTo(40);
  }

  @Test
  void pageOrPerPageBelowOneIsABadRequestNamingTheParameter() {
    assertThatThrownBy(() -> PageRequest.of(0, 10))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.error().meta()).containsEntry("parameter", "page"));
    assertThatThrownBy(() -> PageRequest.of(1, 0))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.error().meta()).containsEntry("parameter", "per_page"));
  }
}
