package io.dealflow.gateway.docs;

import io.dealflow.gateway.route.Backend;
import io.dealflow.gateway.route.RouteTable;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.webjars.WebJarVersionLocator;

/**
 * {@code GET /redoc}: the services' OpenAPI documents in ReDoc, one at a time, chosen from a list.
 * ReDoc's standalone bundle comes from its WebJar, so the page works without internet access.
 */
@RestController
class RedocController {

  private final String page;

  RedocController() {
    String script = "/webjars/" + new WebJarVersionLocator().path("redoc", "redoc.standalone.js");
    String options =
        Arrays.stream(Backend.values())
            .map(
                backend ->
                    "<option value=\""
                        + RouteTable.docsPath(backend)
                        + "\">"
                        + backend.serviceName()
                        + "</option>")
            .collect(Collectors.joining());
    String links =
        Arrays.stream(Backend.values())
            .map(
                backend ->
                    "<a href=\"" + RouteTable.docsPath(backend) + "\">" + backend.id() + "</a>")
            .collect(Collectors.joining(" · "));
    this.page =
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Dealflow API — ReDoc</title>
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <style>
            body { margin: 0; font-family: sans-serif; }
            header { padding: 8px 16px; background: #1f2937; color: #f9fafb; }
            header a { color: #93c5fd; }
          </style>
        </head>
        <body>
          <header>
            <label>Service: <select id="service">%s</select></label>
            &nbsp; Raw OpenAPI: %s &nbsp; <a href="/docs">Swagger UI</a>
          </header>
          <div id="redoc"></div>
          <script src="%s"></script>
          <script>
            const select = document.getElementById('service');
            const show = () => Redoc.init(select.value, {}, document.getElementById('redoc'));
            select.addEventListener('change', show);
            show();
          </script>
        </body>
        </html>
        """
            .formatted(options, links, script);
  }

  @GetMapping("/redoc")
  ResponseEntity<String> redoc() {
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page);
  }
}
