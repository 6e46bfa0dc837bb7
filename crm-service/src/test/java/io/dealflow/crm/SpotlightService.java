package io.dealflow.crm;

import io.dealflow.platform.test.KeycloakTokens;
import io.dealflow.platform.test.TestUsers;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The running service as the Spotlight OS tests use it: a client per caller (the demo admin and
 * rep, a user of another organization) and the database, to check what a refused request left
 * behind.
 */
public abstract class SpotlightService extends RunningCrmService {

  private static String admin;
  private static String rep;
  private static String stranger;

  @Autowired protected JdbcClient jdbc;

  protected Api anonymous() {
    return new Api(baseUrl(), null);
  }

  /** The demo organization's admin. */
  protected Api admin() {
    if (admin == null) {
      admin = KeycloakTokens.demoAdmin();
    }
    return anonymous().as(admin);
  }

  /** The demo organization's rep. */
  protected Api rep() {
    if (rep == null) {
      rep = KeycloakTokens.demoRep();
    }
    return anonymous().as(rep);
  }

  /** A rep of an organization of its own, which shares nothing with the demo organization. */
  protected Api stranger() {
    if (stranger == null) {
      stranger = TestUsers.inNewOrganization("rep").token();
    }
    return anonymous().as(stranger);
  }

  protected long rows(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }

  protected static Map<String, Object> wrap(String key, Map<String, ?> attributes) {
    return Map.of(key, attributes);
  }

  protected UUID createAssistant(Api api, String name) {
    Api.Response created =
        api.post("/api/v1/assistants", wrap("assistant", Map.of("name", name, "tone", "friendly")));
    if (created.status() != 201) {
      throw new AssertionError("Could not create an assistant: " + created);
    }
    return created.uuid();
  }

  protected UUID createLead(Api api, Map<String, ?> attributes) {
    Api.Response created = api.post("/api/v1/leads", wrap("lead", attributes));
    if (created.status() != 201) {
      throw new AssertionError("Could not create a lead: " + created);
    }
    return created.uuid();
  }

  protected UUID createConversation(Api api, Map<String, ?> attributes) {
    Api.Response created = api.post("/api/v1/conversations", wrap("conversation", attributes));
    if (created.status() != 201) {
      throw new AssertionError("Could not create a conversation: " + created);
    }
    return created.uuid();
  }
}
