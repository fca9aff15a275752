package io.keygate.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Duration;
import io.keygate.KeygateException;
import io.keygate.v1.AcceptedCredentials;
import io.keygate.v1.Lifetime;
import io.keygate.v1.LifetimeUnit;
import io.keygate.v1.PermissionSource;
import io.keygate.v1.RateLimitMode;
import io.keygate.v1.StringList;
import io.keygate.v1.TenantSettings;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantSettingsRulesTest {
  private static final TenantSettings DEFAULTS = TenantSettingsRules.defaults();

  private static TenantSettings merge(TenantSettings.Builder patch) {
    return TenantSettingsRules.merge(DEFAULTS, patch.build());
  }

  private static void assertInvalid(ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(KeygateException.class,
            e -> assertThat(e.kind()).isEqualTo(KeygateException.Kind.INVALID_ARGUMENT))
        .hasMessageContaining(field);
  }

  private static Lifetime lifetime(int amount, LifetimeUnit unit) {
    return Lifetime.newBuilder().setAmount(amount).setUnit(unit).build();
  }

  @Test
  void defaultsAreTheSpecifiedOnes() {
    assertThat(DEFAULTS.getApiAccessEnabled()).isTrue();
    assertThat(DEFAULTS.getAcceptedCredentials()).isEqualTo(AcceptedCredentials.ACCEPTED_CREDENTIALS_ANY);
    assertThat(DEFAULTS.getIpLimitRequests()).isEqualTo(1000);
    assertThat(DEFAULTS.getIpLimitWindow().getSeconds()).isEqualTo(15 * 60);
    assertThat(DEFAULTS.getKeyLimitPerMinute()).isEqualTo(100);
    assertThat(DEFAULTS.getKeyLimitMode()).isEqualTo(RateLimitMode.RATE_LIMIT_MODE_ENFORCED);
    assertThat(DEFAULTS.getDefaultPermissions().getValuesList()).isEmpty();
    assertThat(DEFAULTS.getPermissionSource()).isEqualTo(PermissionSource.PERMISSION_SOURCE_KEY_ROLE);
    assertThat(DEFAULTS.getMaxActiveTokensPerPrincipal()).isEqualTo(50);
    assertThat(DEFAULTS.getMaxTokenLifetime()).isEqualTo(lifetime(12, LifetimeUnit.LIFETIME_UNIT_MONTHS));
    assertThat(DEFAULTS.getPersonalKeysTenantWideOnly()).isFalse();
    assertThat(DEFAULTS.getExactRateLimits()).as("leased: no over-admission, in-process speed").isFalse();
  }

  @Test
  void defaultsSetEveryOptionalField() {
    assertThat(DEFAULTS.hasApiAccessEnabled()).isTrue();
    assertThat(DEFAULTS.hasIpLimitRequests()).isTrue();
    assertThat(DEFAULTS.hasIpLimitWindow()).isTrue();
    assertThat(DEFAULTS.hasKeyLimitPerMinute()).isTrue();
    assertThat(DEFAULTS.hasDefaultPermissions()).isTrue();
    assertThat(DEFAULTS.hasMaxActiveTokensPerPrincipal()).isTrue();
    assertThat(DEFAULTS.hasMaxTokenLifetime()).isTrue();
    assertThat(DEFAULTS.hasPersonalKeysTenantWideOnly()).isTrue();
    assertThat(DEFAULTS.hasExactRateLimits()).isTrue();
  }

  @Test
  void anEmptyPatchChangesNothing() {
    assertThat(merge(TenantSettings.newBuilder())).isEqualTo(DEFAULTS);
  }

  @Test
  void setFieldsReplaceAndUnsetFieldsStay() {
    TenantSettings merged = merge(TenantSettings.newBuilder()
        .setApiAccessEnabled(false)
        .setAcceptedCredentials(AcceptedCredentials.ACCEPTED_CREDENTIALS_BEARER)
        .setKeyLimitMode(RateLimitMode.RATE_LIMIT_MODE_INFORMATIONAL));

    assertThat(merged.getApiAccessEnabled()).isFalse();
    assertThat(merged.getAcceptedCredentials()).isEqualTo(AcceptedCredentials.ACCEPTED_CREDENTIALS_BEARER);
    assertThat(merged.getKeyLimitMode()).isEqualTo(RateLimitMode.RATE_LIMIT_MODE_INFORMATIONAL);
    assertThat(merged.toBuilder().setApiAccessEnabled(true)
        .setAcceptedCredentials(AcceptedCredentials.ACCEPTED_CREDENTIALS_ANY)
        .setKeyLimitMode(RateLimitMode.RATE_LIMIT_MODE_ENFORCED).build()).isEqualTo(DEFAULTS);
  }

  @Test
  void zeroValuesThatAreSetAreApplied() {
    TenantSettings merged = merge(TenantSettings.newBuilder()
        .setIpLimitRequests(0)
        .setKeyLimitPerMinute(0)
        .setMaxActiveTokensPerPrincipal(0)
        .setDefaultPermissions(StringList.getDefaultInstance()));

    assertThat(merged.getIpLimitRequests()).isZero();
    assertThat(merged.getKeyLimitPerMinute()).isZero();
    assertThat(merged.getMaxActiveTokensPerPrincipal()).isZero();
  }

  @Test
  void falseBooleansThatAreSetAreApplied() {
    TenantSettings on = merge(TenantSettings.newBuilder().setPersonalKeysTenantWideOnly(true));
    TenantSettings off = TenantSettingsRules.merge(on, TenantSettings.newBuilder()
        .setPersonalKeysTenantWideOnly(false).build());

    assertThat(on.getPersonalKeysTenantWideOnly()).isTrue();
    assertThat(off.getPersonalKeysTenantWideOnly()).isFalse();
    TenantSettings exact = merge(TenantSettings.newBuilder().setExactRateLimits(true));
    assertThat(exact.getExactRateLimits()).isTrue();
    assertThat(TenantSettingsRules.merge(exact, TenantSettings.newBuilder().setExactRateLimits(false).build())
        .getExactRateLimits()).isFalse();
  }

  @Test
  void unspecifiedEnumsKeepTheCurrentValue() {
    TenantSettings current = merge(TenantSettings.newBuilder()
        .setAcceptedCredentials(AcceptedCredentials.ACCEPTED_CREDENTIALS_API_KEY_HEADER)
        .setPermissionSource(PermissionSource.PERMISSION_SOURCE_PRINCIPAL_ROLE));

    TenantSettings merged = TenantSettingsRules.merge(current, TenantSettings.newBuilder()
        .setAcceptedCredentials(AcceptedCredentials.ACCEPTED_CREDENTIALS_UNSPECIFIED)
        .setPermissionSource(PermissionSource.PERMISSION_SOURCE_UNSPECIFIED)
        .setKeyLimitMode(RateLimitMode.RATE_LIMIT_MODE_UNSPECIFIED).build());

    assertThat(merged).isEqualTo(current);
  }

  @ParameterizedTest
  @CsvSource({"2, accepted_credentials", "6, key_limit_mode", "8, permission_source"})
  void unknownEnumNumbersAreRefused(int field, String name) {
    TenantSettings.Builder patch = TenantSettings.newBuilder();
    switch (field) {
      case 2 -> patch.setAcceptedCredentialsValue(77);
      case 6 -> patch.setKeyLimitModeValue(77);
      default -> patch.setPermissionSourceValue(77);
    }

    assertInvalid(() -> merge(patch), "settings." + name);
  }

  @Test
  void defaultPermissionsAreValidated() {
    assertThat(merge(TenantSettings.newBuilder().setDefaultPermissions(
        StringList.newBuilder().addValues("orders:read").addValues("orders:list:own"))).getDefaultPermissions()
        .getValuesList()).containsExactly("orders:read", "orders:list:own");
    assertInvalid(() -> merge(TenantSettings.newBuilder().setDefaultPermissions(
        StringList.newBuilder().addValues("orders:read").addValues("Orders"))), "settings.default_permissions[1]");
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 1000, 1_000_000_000L})
  void limitsInRangeAreAccepted(long value) {
    TenantSettings merged = merge(TenantSettings.newBuilder().setIpLimitRequests(value).setKeyLimitPerMinute(value));

    assertThat(merged.getIpLimitRequests()).isEqualTo(value);
    assertThat(merged.getKeyLimitPerMinute()).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(longs = {-1, 1_000_000_001L, Long.MAX_VALUE, Long.MIN_VALUE})
  void limitsOutOfRangeAreRefused(long value) {
    assertInvalid(() -> merge(TenantSettings.newBuilder().setIpLimitRequests(value)), "settings.ip_limit_requests");
    assertInvalid(() -> merge(TenantSettings.newBuilder().setKeyLimitPerMinute(value)),
        "settings.key_limit_per_minute");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 60, 900, 86_400})
  void ipWindowFromOneSecondToADayIsAccepted(long seconds) {
    assertThat(merge(TenantSettings.newBuilder().setIpLimitWindow(Duration.newBuilder().setSeconds(seconds)))
        .getIpLimitWindow().getSeconds()).isEqualTo(seconds);
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "-1, 0", "86401, 0", "60, 500000000", "0, 500000000"})
  void ipWindowOutOfRangeOrFractionalIsRefused(long seconds, int nanos) {
    assertInvalid(() -> merge(TenantSettings.newBuilder().setIpLimitWindow(
        Duration.newBuilder().setSeconds(seconds).setNanos(nanos))), "settings.ip_limit_window");
  }

  @Test
  void maxActiveTokensIsBounded() {
    assertThat(merge(TenantSettings.newBuilder().setMaxActiveTokensPerPrincipal(100_000))
        .getMaxActiveTokensPerPrincipal()).isEqualTo(100_000);
    assertInvalid(() -> merge(TenantSettings.newBuilder().setMaxActiveTokensPerPrincipal(100_001)),
        "settings.max_active_tokens_per_principal");
    assertInvalid(() -> merge(TenantSettings.newBuilder().setMaxActiveTokensPerPrincipal(-1)),
        "settings.max_active_tokens_per_principal");
  }

  @ParameterizedTest
  @EnumSource(value = LifetimeUnit.class, names = {"LIFETIME_UNIT_UNSPECIFIED", "UNRECOGNIZED"}, mode =
      EnumSource.Mode.EXCLUDE)
  void maxTokenLifetimeTakesAnyUnit(LifetimeUnit unit) {
    assertThat(merge(TenantSettings.newBuilder().setMaxTokenLifetime(lifetime(30, unit))).getMaxTokenLifetime())
        .isEqualTo(lifetime(30, unit));
  }

  @Test
  void maxTokenLifetimeZeroMeansNoCapWhateverTheUnit() {
    Lifetime noCap = lifetime(0, LifetimeUnit.LIFETIME_UNIT_MONTHS);

    assertThat(merge(TenantSettings.newBuilder().setMaxTokenLifetime(Lifetime.getDefaultInstance()))
        .getMaxTokenLifetime()).isEqualTo(noCap);
    assertThat(merge(TenantSettings.newBuilder().setMaxTokenLifetime(lifetime(0, LifetimeUnit.LIFETIME_UNIT_HOURS)))
        .getMaxTokenLifetime()).isEqualTo(noCap);
  }

  @Test
  void maxTokenLifetimeNeedsAUnitAndANonNegativeAmount() {
    assertInvalid(() -> merge(TenantSettings.newBuilder().setMaxTokenLifetime(
        lifetime(6, LifetimeUnit.LIFETIME_UNIT_UNSPECIFIED))), "settings.max_token_lifetime");
    assertInvalid(() -> merge(TenantSettings.newBuilder().setMaxTokenLifetime(
        lifetime(-1, LifetimeUnit.LIFETIME_UNIT_MONTHS))), "settings.max_token_lifetime");
    assertInvalid(() -> merge(TenantSettings.newBuilder().setMaxTokenLifetime(
        Lifetime.newBuilder().setAmount(6).setUnitValue(99))), "settings.max_token_lifetime");
  }

  @Test
  void maxTokenLifetimeIsBoundedByAboutAHundredYears() {
    // Months are bounded as 31 days each, so 1180 months is the largest accepted.
    assertThat(merge(TenantSettings.newBuilder().setMaxTokenLifetime(lifetime(1180, LifetimeUnit.LIFETIME_UNIT_MONTHS)))
        .getMaxTokenLifetime().getAmount()).isEqualTo(1180);
    assertInvalid(() -> merge(TenantSettings.newBuilder().setMaxTokenLifetime(
        lifetime(1181, LifetimeUnit.LIFETIME_UNIT_MONTHS))), "too large");
    assertInvalid(() -> merge(TenantSettings.newBuilder().setMaxTokenLifetime(
        lifetime(100_000, LifetimeUnit.LIFETIME_UNIT_WEEKS))), "too large");
  }

  @Test
  void aFailedMergeLeavesTheCurrentSettingsUntouched() {
    TenantSettings before = DEFAULTS;

    assertInvalid(() -> TenantSettingsRules.merge(before, TenantSettings.newBuilder().setApiAccessEnabled(false)
        .setIpLimitRequests(-5).build()), "settings.ip_limit_requests");
    assertThat(before).isEqualTo(TenantSettingsRules.defaults());
  }
}
