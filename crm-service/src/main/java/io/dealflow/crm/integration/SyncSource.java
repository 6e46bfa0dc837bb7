package io.dealflow.crm.integration;

import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a connector needs for one sync.
 *
 * @param integrationId the integration
 * @param orgId its workspace
 * @param baseUrl the provider's API, if it has one
 * @param accessToken the decrypted access token, if it has one
 * @param contacts whether to read contacts (leads)
 * @param deals whether to read deals
 * @param defaultCurrency the currency of deals that name none
 * @param upload the file sent with the sync request, if any
 */
public record SyncSource(
    UUID integrationId,
    UUID orgId,
    @Nullable URI baseUrl,
    @Nullable String accessToken,
    boolean contacts,
    boolean deals,
    String defaultCurrency,
    byte @Nullable [] upload) {

  /** Never prints the token or the file. */
  @Override
  public String toString() {
    return "SyncSource[integration=" + integrationId + ", baseUrl=" + baseUrl + "]";
  }
}
