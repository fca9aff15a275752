package io.keygate.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.authz.CredentialRecord;
import io.keygate.testing.Records;
import org.junit.jupiter.api.Test;

/** The counters a decision touches carry the tenant's choice of exact or leased counting. */
class LimitsTest {
  @Test
  void aTenantsLimitsAreLeasedByDefault() {
    CredentialRecord key = Records.key().limit(100, true).policy(Records.policy()).build();
    assertThat(Limits.tenantIp(key.policy(), "192.0.2.1").exact()).isFalse();
    assertThat(Limits.key(key, key.policy()).exact()).isFalse();
  }

  @Test
  void anExactTenantsLimitsAreCountedRequestByRequest() {
    CredentialRecord key = Records.key().limit(100, true).policy(Records.policy().exactRateLimits(true)).build();
    assertThat(Limits.tenantIp(key.policy(), "192.0.2.1").exact()).isTrue();
    assertThat(Limits.key(key, key.policy()).exact()).isTrue();
    assertThat(new Limits(10, 60_000, 5).guardCheck("192.0.2.1").exact()).as("the deployment's guard: leased")
        .isFalse();
  }
}
