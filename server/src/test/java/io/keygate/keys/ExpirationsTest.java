package io.keygate.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Timestamp;
import io.keygate.KeygateException;
import io.keygate.v1.Expiration;
import io.keygate.v1.Lifetime;
import io.keygate.v1.LifetimeUnit;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ExpirationsTest {
  private static final Instant NOW = Instant.parse("2024-01-31T10:15:30Z");

  private static Lifetime lifetime(int amount, LifetimeUnit unit) {
    return Lifetime.newBuilder().setAmount(amount).setUnit(unit).build();
  }

  private static Expiration after(int amount, LifetimeUnit unit) {
    return Expiration.newBuilder().setAfter(lifetime(amount, unit)).build();
  }

  private static Expiration at(Instant instant) {
    return Expiration.newBuilder()
        .setAt(Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()))
        .build();
  }

  private static Expiration never() {
    return Expiration.newBuilder().setNever(true).build();
  }

  private static void assertInvalid(ThrowingCallable call, String fieldInMessage) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(KeygateException.class,
            e -> assertThat(e.kind()).isEqualTo(KeygateException.Kind.INVALID_ARGUMENT))
        .hasMessageContaining(fieldInMessage);
  }

  @ParameterizedTest
  @CsvSource({
      "1,  LIFETIME_UNIT_HOURS,  2024-01-31T11:15:30Z",
      "36, LIFETIME_UNIT_HOURS,  2024-02-01T22:15:30Z",
      "1,  LIFETIME_UNIT_DAYS,   2024-02-01T10:15:30Z",
      "30, LIFETIME_UNIT_DAYS,   2024-03-01T10:15:30Z",
      "2,  LIFETIME_UNIT_WEEKS,  2024-02-14T10:15:30Z",
      "1,  LIFETIME_UNIT_MONTHS, 2024-02-29T10:15:30Z",
      "2,  LIFETIME_UNIT_MONTHS, 2024-03-31T10:15:30Z",
      "12, LIFETIME_UNIT_MONTHS, 2025-01-31T10:15:30Z"})
  void afterAddsHoursDaysWeeksOrCalendarMonthsInUtc(int amount, LifetimeUnit unit, String expected) {
    assertThat(Expirations.after(NOW, lifetime(amount, unit), "f")).isEqualTo(Instant.parse(expected));
  }

  @Test
  void afterZeroMeansNoLimit() {
    assertThat(Expirations.after(NOW, lifetime(0, LifetimeUnit.LIFETIME_UNIT_MONTHS), "f")).isNull();
  }

  @Test
  void afterRefusesANegativeAmount() {
    assertInvalid(() -> Expirations.after(NOW, lifetime(-1, LifetimeUnit.LIFETIME_UNIT_DAYS), "ttl"), "ttl.amount");
  }

  @Test
  void afterRefusesAnUnspecifiedUnit() {
    assertInvalid(() -> Expirations.after(NOW, lifetime(3, LifetimeUnit.LIFETIME_UNIT_UNSPECIFIED), "ttl"),
        "ttl.unit");
  }

  @Test
  void afterRefusesAnUnknownUnitNumber() {
    Lifetime unknown = Lifetime.newBuilder().setAmount(3).setUnitValue(42).build();

    assertInvalid(() -> Expirations.after(NOW, unknown, "ttl"), "ttl.unit");
  }

  @ParameterizedTest
  @CsvSource({
      "LIFETIME_UNIT_HOURS,  1",
      "LIFETIME_UNIT_DAYS,   24",
      "LIFETIME_UNIT_WEEKS,  168",
      "LIFETIME_UNIT_MONTHS, 744"})
  void amountsUpToAHundredYearsAreAcceptedAndLargerOnesRefused(LifetimeUnit unit, int hoursPerUnit) {
    int largest = Expirations.MAX_AMOUNT_HOURS / hoursPerUnit;

    assertThat(Expirations.after(NOW, lifetime(largest, unit), "ttl")).isAfter(NOW.plusSeconds(3600L * 24 * 365 * 90));
    assertInvalid(() -> Expirations.after(NOW, lifetime(largest + 1, unit), "ttl"), "too large");
  }

  @ParameterizedTest
  @EnumSource(value = LifetimeUnit.class, names = {"LIFETIME_UNIT_HOURS", "LIFETIME_UNIT_MONTHS"})
  void maxIntAmountIsRefusedWithoutOverflow(LifetimeUnit unit) {
    assertInvalid(() -> Expirations.after(NOW, lifetime(Integer.MAX_VALUE, unit), "ttl"), "too large");
  }

  @Test
  void resolveAtReturnsTheRequestedInstantWithoutCap() {
    Instant in = NOW.plusSeconds(90).plusNanos(5);

    assertThat(Expirations.resolve(at(in), NOW, null, "expiration")).isEqualTo(in);
  }

  @Test
  void resolveAtInThePastOrNowIsRefused() {
    assertInvalid(() -> Expirations.resolve(at(NOW.minusSeconds(1)), NOW, null, "expiration"), "expiration.at");
    assertInvalid(() -> Expirations.resolve(at(NOW), NOW, null, "expiration"), "expiration.at");
  }

  @Test
  void resolveAfterIsRelativeToNow() {
    assertThat(Expirations.resolve(after(3, LifetimeUnit.LIFETIME_UNIT_DAYS), NOW, null, "expiration"))
        .isEqualTo(Instant.parse("2024-02-03T10:15:30Z"));
  }

  @Test
  void resolveAfterZeroOrNegativeIsRefused() {
    assertInvalid(() -> Expirations.resolve(after(0, LifetimeUnit.LIFETIME_UNIT_DAYS), NOW, null, "expiration"),
        "expiration.after.amount");
    assertInvalid(() -> Expirations.resolve(after(-2, LifetimeUnit.LIFETIME_UNIT_DAYS), NOW, null, "expiration"),
        "expiration.after.amount");
  }

  @Test
  void neverOrUnsetWithoutCapMeansNoExpiry() {
    assertThat(Expirations.resolve(never(), NOW, null, "expiration")).isNull();
    assertThat(Expirations.resolve(Expiration.getDefaultInstance(), NOW, null, "expiration")).isNull();
  }

  @Test
  void neverOrUnsetUnderACapExpiresAtTheCap() {
    Instant cap = Expirations.after(NOW, lifetime(12, LifetimeUnit.LIFETIME_UNIT_MONTHS), "cap");

    assertThat(Expirations.resolve(never(), NOW, cap, "expiration")).isEqualTo(cap);
    assertThat(Expirations.resolve(Expiration.getDefaultInstance(), NOW, cap, "expiration")).isEqualTo(cap);
  }

  @Test
  void requestsWithinTheCapAreKeptAsRequested() {
    Instant cap = Expirations.after(NOW, lifetime(12, LifetimeUnit.LIFETIME_UNIT_MONTHS), "cap");

    assertThat(Expirations.resolve(after(11, LifetimeUnit.LIFETIME_UNIT_MONTHS), NOW, cap, "expiration"))
        .isEqualTo(Instant.parse("2024-12-31T10:15:30Z"));
    assertThat(Expirations.resolve(after(12, LifetimeUnit.LIFETIME_UNIT_MONTHS), NOW, cap, "expiration"))
        .isEqualTo(cap);
    assertThat(Expirations.resolve(at(cap), NOW, cap, "expiration")).isEqualTo(cap);
  }

  @Test
  void requestsBeyondTheCapAreRefusedNotSilentlyShortened() {
    Instant cap = Expirations.after(NOW, lifetime(12, LifetimeUnit.LIFETIME_UNIT_MONTHS), "cap");

    assertInvalid(() -> Expirations.resolve(after(13, LifetimeUnit.LIFETIME_UNIT_MONTHS), NOW, cap, "expiration"),
        "maximum token lifetime");
    assertInvalid(() -> Expirations.resolve(at(cap.plusNanos(1)), NOW, cap, "expiration"), "maximum token lifetime");
    assertInvalid(() -> Expirations.resolve(after(53, LifetimeUnit.LIFETIME_UNIT_WEEKS), NOW, cap, "expiration"),
        "maximum token lifetime");
  }

  @ParameterizedTest
  @CsvSource({
      "0,  LIFETIME_UNIT_MONTHS, no limit",
      "1,  LIFETIME_UNIT_MONTHS, 1 month",
      "12, LIFETIME_UNIT_MONTHS, 12 months",
      "1,  LIFETIME_UNIT_HOURS,  1 hour",
      "48, LIFETIME_UNIT_HOURS,  48 hours",
      "1,  LIFETIME_UNIT_DAYS,   1 day",
      "3,  LIFETIME_UNIT_WEEKS,  3 weeks"})
  void describeIsHumanReadable(int amount, LifetimeUnit unit, String expected) {
    assertThat(Expirations.describe(lifetime(amount, unit))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
      "LIFETIME_UNIT_HOURS,  hours",
      "LIFETIME_UNIT_DAYS,   days",
      "LIFETIME_UNIT_WEEKS,  weeks",
      "LIFETIME_UNIT_MONTHS, months"})
  void unitNamesRoundTrip(LifetimeUnit unit, String name) {
    assertThat(Expirations.unitName(unit)).isEqualTo(name);
    assertThat(Expirations.unitOf(name)).isEqualTo(unit);
    assertThat(Expirations.unitOf(name.toUpperCase())).isEqualTo(unit);
  }
}
