package io.dealflow.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiPropertiesTest {

  @Test
  void aServiceOfOneFamilySetsOnlyTheDefault() {
    var api = new ApiProperties(ApiFamily.HELLOSALES, Map.of());

    assertThat(api.resolver().resolve("/api/v1/anything")).isEqualTo(ApiFamily.HELLOSALES);
  }

  @Test
  void pathsClaimedByAFamilyTakeItOthersTheDefault() {
    var api =
        new ApiProperties(
            ApiFamily.VECTOROS, Map.of(ApiFamily.SPOTLIGHT, List.of("/api/v1/leads/**")));

    assertThat(api.resolver().resolve("/api/v1/leads/42")).isEqualTo(ApiFamily.SPOTLIGHT);
    assertThat(api.resolver().resolve("/api/v1/deals/42")).isEqualTo(ApiFamily.VECTOROS);
  }
}
