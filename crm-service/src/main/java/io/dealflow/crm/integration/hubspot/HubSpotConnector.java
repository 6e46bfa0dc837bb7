package io.dealflow.crm.integration.hubspot;

import io.dealflow.crm.integration.Connector;
import io.dealflow.crm.integration.IntegrationsProperties;
import io.dealflow.crm.integration.Provider;
import io.dealflow.crm.integration.Pulled;
import io.dealflow.crm.integration.SyncFailure;
import io.dealflow.crm.integration.SyncSource;
import io.dealflow.platform.outbound.OutboundHttp;
import io.dealflow.platform.outbound.OutboundTargets;
import io.dealflow.platform.outbound.TargetRefusedException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a HubSpot portal through the CRM v3 objects API ({@code GET /crm/v3/objects/contacts} and
 * {@code /deals}, paged by {@code paging.next.after}) with the integration's private app token as
 * bearer token.
 *
 * <ul>
 *   <li>401: the token is wrong or revoked; 403: the private app lacks the read scopes. Both fail
 *       the sync with HubSpot's own message.
 *   <li>429: waits as long as {@code Retry-After} asks, if that is within the configured bound, and
 *       tries again; 5xx and unreachable: tries again with exponential backoff. Both give up after
 *       the configured attempts.
 *   <li>Redirects are not followed, and every connection goes to an address that was checked
 *       against internal addresses when the host was resolved for it ({@link OutboundHttp}): a name
 *       that later resolves inward fails the sync, however briefly it does.
 * </ul>
 */
@Component
class HubSpotConnector implements Connector {

  /** Syncs of several workspaces may call HubSpot at once. */
  private static final int MAX_CONNECTIONS_PER_HOST = 8;

  private final RestClient http;
  private final JsonMapper json;
  private final IntegrationsProperties.HubSpot settings;

  HubSpotConnector(
      RestClient.Builder builder,
      JsonMapper json,
      OutboundTargets targets,
      IntegrationsProperties properties) {
    this.settings = properties.hubspot();
    this.http =
        builder
            .requestFactory(
                new HttpComponentsClientHttpRequestFactory(
                    OutboundHttp.client(
                        targets,
                        settings.connectTimeout(),
                        settings.readTimeout(),
                        MAX_CONNECTIONS_PER_HOST)))
            .build();
    this.json = json;
  }

  @Override
  public Provider provider() {
    return Provider.HUBSPOT;
  }

  @Override
  public Pulled pull(SyncSource source) {
    URI base = Objects.requireNonNull(source.baseUrl(), "a HubSpot integration has a base URL");
    String token =
        Objects.requireNonNull(source.accessToken(), "a HubSpot integration has a token");
    HubSpotRecords records = new HubSpotRecords(source.defaultCurrency());
    List<Pulled.Lead> leads = new ArrayList<>();
    List<Pulled.Deal> deals = new ArrayList<>();
    List<Pulled.Skipped> skipped = new ArrayList<>();
    if (source.contacts()) {
      for (JsonNode contact : all(base, token, "contacts", HubSpotRecords.CONTACT_PROPERTIES)) {
        if (HubSpotRecords.hasId(contact)) {
          leads.add(records.lead(contact));
        } else {
          skipped.add(new Pulled.Skipped("contact", "HubSpot sent a contact without an id"));
        }
      }
    }
    if (source.deals()) {
      for (JsonNode deal : all(base, token, "deals", HubSpotRecords.DEAL_PROPERTIES)) {
        if (!HubSpotRecords.hasId(deal)) {
          skipped.add(new Pulled.Skipped("deal", "HubSpot sent a deal without an id"));
          continue;
        }
        records.deal(deal).ifPresentOrElse(deals::add, () -> skipped.add(records.skipped(deal)));
      }
    }
    return new Pulled(leads, deals, skipped, false);
  }

  /** Every record of one object type, page by page. */
  private List<JsonNode> all(URI base, String token, String object, List<String> properties) {
    List<JsonNode> all = new ArrayList<>();
    String after = null;
    do {
      UriComponentsBuilder uri =
          UriComponentsBuilder.fromUri(base)
              .path("/crm/v3/objects/" + object)
              .queryParam("limit", Math.min(settings.pageSize(), 100))
              .queryParam("properties", String.join(",", properties))
              .queryParam("archived", false);
      if (after != null) {
        uri.queryParam("after", after);
      }
      JsonNode page = get(uri.encode().build().toUri(), token);
      JsonNode results = page.path("results");
      if (!results.isArray()) {
        throw SyncFailure.provider("HubSpot answered " + object + " without results");
      }
      results.forEach(all::add);
      if (all.size() > settings.maxRecords()) {
        throw SyncFailure.provider(
            "The HubSpot portal has more than "
                + settings.maxRecords()
                + " "
                + object
                + "; raise dealflow.crm.integrations.hubspot.max-records to sync it");
      }
      JsonNode next = page.path("paging").path("next").path("after");
      String following = next.isMissingNode() || next.isNull() ? null : next.asString();
      if (following != null && following.equals(after)) {
        throw SyncFailure.provider("HubSpot answered the same page of " + object + " twice");
      }
      after = following == null || following.isBlank() ? null : following;
    } while (after != null);
    return all;
  }

  private JsonNode get(URI uri, String token) {
    for (int attempt = 1; ; attempt++) {
      Answer answer;
      try {
        answer =
            http.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .accept(MediaType.APPLICATION_JSON)
                .exchangeForRequiredValue(
                    (request, response) ->
                        new Answer(
                            response.getStatusCode().value(),
                            response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                            new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)),
                    true);
      } catch (ResourceAccessException e) {
        if (e.getMostSpecificCause() instanceof TargetRefusedException refused) {
          throw SyncFailure.provider("The base URL is refused: " + refused.getMessage());
        }
        if (attempt >= settings.maxAttempts()) {
          throw SyncFailure.provider(
              "HubSpot could not be reached after "
                  + attempt
                  + " attempts: "
                  + Objects.requireNonNullElse(e.getMostSpecificCause().getMessage(), "I/O error"));
        }
        pause(backoff(attempt));
        continue;
      }
      int status = answer.status();
      if (status >= 200 && status < 300) {
        return parse(answer.body());
      }
      if (status == 401) {
        throw SyncFailure.credentials(
            "HubSpot refused the access token (401): " + message(answer.body()));
      }
      if (status == 403) {
        throw SyncFailure.credentials(
            "HubSpot denied access (403); the private app needs the scopes"
                + " crm.objects.contacts.read and crm.objects.deals.read: "
                + message(answer.body()));
      }
      if (status == 429) {
        Duration wait = retryAfter(answer.retryAfter()).orElse(backoff(attempt));
        if (wait.compareTo(settings.maxRetryWait()) > 0) {
          throw SyncFailure.provider(
              "HubSpot's rate limit (429) asks to wait "
                  + wait.toSeconds()
                  + " s, longer than this sync waits; try again later");
        }
        if (attempt >= settings.maxAttempts()) {
          throw SyncFailure.provider(
              "HubSpot kept answering 429 (rate limit) after " + attempt + " attempts");
        }
        pause(wait);
        continue;
      }
      if (status >= 500) {
        if (attempt >= settings.maxAttempts()) {
          throw SyncFailure.provider(
              "HubSpot answered "
                  + status
                  + " after "
                  + attempt
                  + " attempts: "
                  + message(answer.body()));
        }
        pause(backoff(attempt));
        continue;
      }
      throw SyncFailure.provider("HubSpot answered " + status + ": " + message(answer.body()));
    }
  }

  private JsonNode parse(String body) {
    try {
      return json.readTree(body);
    } catch (JacksonException e) {
      throw SyncFailure.provider("HubSpot answered something that is not JSON");
    }
  }

  /** HubSpot's error message ({@code {"status":"error","message":...}}), shortened. */
  private String message(String body) {
    String message;
    try {
      JsonNode node = json.readTree(body);
      message = node.path("message").isString() ? node.path("message").asString() : body;
    } catch (JacksonException e) {
      message = body;
    }
    message = message.strip();
    if (message.isEmpty()) {
      return "no details";
    }
    return message.length() > 300 ? message.substring(0, 300) + "…" : message;
  }

  private Duration backoff(int attempt) {
    Duration backoff = settings.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 10));
    return backoff.compareTo(settings.maxRetryWait()) > 0 ? settings.maxRetryWait() : backoff;
  }

  /** {@code Retry-After} in seconds or as an HTTP date. */
  static Optional<Duration> retryAfter(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  private static void pause(Duration wait) {
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SyncFailure.provider("The sync was interrupted");
    }
  }

  private record Answer(int status, @Nullable String retryAfter, String body) {}
}
