package io.dealflow.platform.outbound;

import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * HTTP clients for user-given URLs. Each connects only to addresses that {@link OutboundTargets}
 * checked in the same resolution ({@link CheckedDnsResolver}), follows no redirect (a redirect
 * could point anywhere), uses no proxy from system properties, keeps no cookies and retries nothing
 * on its own: the callers have their own retry rules.
 */
public final class OutboundHttp {

  private OutboundHttp() {}

  /**
   * A client whose connections go only to checked addresses.
   *
   * @param connectTimeout how long to wait for a connection
   * @param responseTimeout how long to wait for data once connected
   * @param maxConnectionsPerHost connections kept and used at once per host
   */
  public static CloseableHttpClient client(
      OutboundTargets targets,
      Duration connectTimeout,
      Duration responseTimeout,
      int maxConnectionsPerHost) {
    PoolingHttpClientConnectionManager connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(new CheckedDnsResolver(targets))
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(connectTimeout))
                    .setSocketTimeout(Timeout.of(responseTimeout))
                    .build())
            .setMaxConnPerRoute(maxConnectionsPerHost)
            .setMaxConnTotal(maxConnectionsPerHost * 10)
            .build();
    return HttpClients.custom()
        .setConnectionManager(connections)
        .setDefaultRequestConfig(
            RequestConfig.custom().setResponseTimeout(Timeout.of(responseTimeout)).build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableContentCompression()
        .build();
  }
}
