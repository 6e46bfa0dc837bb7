package io.dealflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.ApiClient;
import io.dealflow.platform.test.ApiClient.Response;
import java.util.Map;

/** A small knowledge base of support policies, added through the API. */
public final class Knowledge {

  public static final String RETURNS =
      "Returns and refunds. You can return any item within 30 days of delivery for a full refund."
          + " Refunds are paid to the original payment method within 5 business days of the"
          + " return reaching our warehouse.\n\n"
          + "Items marked final sale cannot be returned.";

  public static final String HOURS =
      "Support hours. Our support team answers chats Monday through Friday, 8 AM to 6 PM Central"
          + " Time. On public holidays the team answers e-mail only.";

  public static final String SHIPPING =
      "Shipping. Standard shipping takes 3 to 5 business days and is free on orders over 50"
          + " dollars. Express shipping arrives the next business day for 15 dollars.";

  private Knowledge() {}

  /** Adds a source and returns its id. */
  public static String add(ApiClient staff, String name, String content, String category) {
    Response created =
        staff.post(
            "/support/knowledge/sources",
            Map.of(
                "name",
                name,
                "type",
                "policy",
                "content",
                content,
                "metadata",
                Map.of("category", category, "url", "/policies/" + category)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  public static void addPolicies(ApiClient staff) {
    add(staff, "Returns Policy", RETURNS, "returns");
    add(staff, "Support Hours", HOURS, "hours");
    add(staff, "Shipping Policy", SHIPPING, "shipping");
  }
}
