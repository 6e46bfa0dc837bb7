package io.dealflow.crm.jsonapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The SQL the Spotlight repositories run: always scoped to the caller's organization. */
class OrgScopedTableTest {

  private static final UUID ORG = UUID.fromString("00000000-0000-0000-0000-000000000001");
  private static final OrgScopedTable LEADS = new OrgScopedTable("leads", "id, name");

  @Test
  void aRowIsFoundAndLockedWithinItsOrganization() {
    assertThat(LEADS.selectById())
        .isEqualTo("SELECT id, name FROM leads WHERE org_id = :orgId AND id = :id");
    assertThat(LEADS.lockById())
        .isEqualTo("SELECT id, name FROM leads WHERE org_id = :orgId AND id = :id FOR UPDATE");
  }

  @Test
  void filtersTheClientDidNotSetAddNoCondition() {
    OrgScopedTable.Sql count =
        LEADS.where(ORG).and("status = :status", "status", null).and("a = :a", "a", 1).count();

    assertThat(count.text())
        .isEqualTo("SELECT count(*) FROM leads WHERE org_id = :orgId AND a = :a");
    assertThat(count.params()).isEqualTo(Map.of("orgId", ORG, "a", 1));
  }

  @Test
  void aPageIsSortedWithTiesBrokenByIdAndLimited() {
    Instant from = Instant.parse("2025-01-31T00:00:00Z");

    OrgScopedTable.Sql page =
        LEADS
            .where(ORG)
            .and("created_at >= :from", "from", from)
            .page(new Sort("name", false), new PageRequest(3, 10));

    assertThat(page.text())
        .isEqualTo(
            "SELECT id, name FROM leads WHERE org_id = :orgId AND created_at >= :from"
                + " ORDER BY name ASC NULLS LAST, id ASC LIMIT :limit OFFSET :offset");
    assertThat(page.params())
        .isEqualTo(Map.of("orgId", ORG, "from", Timestamp.from(from), "limit", 10, "offset", 20L));
  }
}
