package io.dealflow.support.analytics;

import io.dealflow.platform.security.Tenant;
import io.dealflow.support.access.Access;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Support analytics for the organization's staff. */
@Service
public class SupportAnalytics {

  private final SupportStatistics statistics;

  SupportAnalytics(SupportStatistics statistics) {
    this.statistics = statistics;
  }

  public Dashboard dashboard(Tenant caller, Period period) {
    return statistics.dashboard(staff(caller), period);
  }

  public ConversationStats conversations(Tenant caller, Period period) {
    return statistics.conversations(staff(caller), period);
  }

  public List<AgentPerformance> performance(Tenant caller, Period period) {
    return statistics.agents(staff(caller), period);
  }

  private static UUID staff(Tenant caller) {
    return Access.staffOrganization(caller, "read support analytics");
  }
}
