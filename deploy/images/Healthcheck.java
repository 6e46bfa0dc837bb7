import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The image's health check: exit 0 when the service's readiness probe on its management port
 * answers 200, 1 otherwise. Runs on the image's own JRE, so the image needs no curl or shell.
 */
public final class Healthcheck {

  private Healthcheck() {}

  public static void main(String[] args) {
    String port = System.getenv().getOrDefault("MANAGEMENT_SERVER_PORT", "");
    if (port.isEmpty()) {
      System.err.println("MANAGEMENT_SERVER_PORT is not set");
      System.exit(1);
    }
    String path = args.length > 0 ? args[0] : "/actuator/health/readiness";
    try {
      HttpURLConnection connection =
          (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
      connection.setConnectTimeout(2000);
      connection.setReadTimeout(2000);
      int status = connection.getResponseCode();
      System.out.println(path + " " + status);
      System.exit(status == 200 ? 0 : 1);
    } catch (Exception e) {
      System.out.println(path + " " + e);
      System.exit(1);
    }
  }
}
