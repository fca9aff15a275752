package io.keygate.keys;

import io.keygate.KeygateException;
import io.keygate.v1.Expiration;
import io.keygate.v1.Lifetime;
import io.keygate.v1.LifetimeUnit;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Turns an {@link Expiration} into an instant, applying a maximum lifetime. Months are calendar
 * months in UTC. The result is {@code null} for "never" when no cap applies.
 */
public final class Expirations {
  /** The longest expiration anything may have, in years: absurd values are refused before they overflow. */
  static final int MAX_YEARS = 100;
  /** Upper bound on any single lifetime, in hours: {@link #MAX_YEARS}. */
  static final int MAX_AMOUNT_HOURS = 24 * 366 * MAX_YEARS;

  private Expirations() {}

  /**
   * The instant {@code lifetime} after {@code from}; {@code null} for an amount of zero (no cap).
   *
   * @param field name of the request field, for the error message
   */
  public static Instant after(Instant from, Lifetime lifetime, String field) {
    if (lifetime.getAmount() < 0) {
      throw KeygateException.invalid(field + ".amount",
          field + ".amount must be positive, got " + lifetime.getAmount());
    }
    if (lifetime.getAmount() == 0) {
      return null;
    }
    ZonedDateTime start = from.atZone(ZoneOffset.UTC);
    int amount = lifetime.getAmount();
    ZonedDateTime end = switch (lifetime.getUnit()) {
      case LIFETIME_UNIT_HOURS -> start.plusHours(bounded(amount, 1, field));
      case LIFETIME_UNIT_DAYS -> start.plusDays(bounded(amount, 24, field));
      case LIFETIME_UNIT_WEEKS -> start.plusWeeks(bounded(amount, 24 * 7, field));
      case LIFETIME_UNIT_MONTHS -> start.plusMonths(bounded(amount, 24 * 31, field));
      default -> throw KeygateException.invalid(
          field + ".unit", field + ".unit must be HOURS, DAYS, WEEKS or MONTHS, got " + lifetime.getUnit());
    };
    return end.toInstant();
  }

  /**
   * The expiration instant requested by {@code expiration}, checked against {@code cap} (the latest
   * instant allowed, or {@code null} for no cap). Unset or {@code never} gives the cap itself.
   */
  public static Instant resolve(Expiration expiration, Instant now, Instant cap, String field) {
    Instant requested = switch (expiration.getKindCase()) {
      case AT -> {
        Instant at = Instant.ofEpochSecond(expiration.getAt().getSeconds(), expiration.getAt().getNanos());
        if (!at.isAfter(now)) {
          throw KeygateException.invalid(field + ".at", field + ".at must be in the future, got " + at);
        }
        if (at.isAfter(now.atZone(ZoneOffset.UTC).plusYears(MAX_YEARS).toInstant())) {
          throw KeygateException.invalid(field + ".at",
              field + ".at must be at most " + MAX_YEARS + " years from now, got " + at);
        }
        yield at;
      }
      case AFTER -> {
        if (expiration.getAfter().getAmount() <= 0) {
          throw KeygateException.invalid(field + ".after.amount", field + ".after.amount must be positive, got "
              + expiration.getAfter().getAmount());
        }
        yield after(now, expiration.getAfter(), field + ".after");
      }
      case NEVER, KIND_NOT_SET -> null;
    };
    if (cap == null) {
      return requested;
    }
    if (requested == null) {
      return cap;
    }
    if (requested.isAfter(cap)) {
      throw KeygateException.invalid(field, field + " is beyond the tenant's maximum token lifetime: the latest"
          + " allowed is " + cap + ", got " + requested);
    }
    return requested;
  }

  /** Human-readable lifetime, e.g. {@code 12 months}. */
  public static String describe(Lifetime lifetime) {
    if (lifetime.getAmount() == 0) {
      return "no limit";
    }
    String unit = lifetime.getUnit().name().substring("LIFETIME_UNIT_".length()).toLowerCase();
    return lifetime.getAmount() + " " + (lifetime.getAmount() == 1 ? unit.substring(0, unit.length() - 1) : unit);
  }

  /** The unit as stored ({@code hours}…{@code months}). */
  public static String unitName(LifetimeUnit unit) {
    return unit.name().substring("LIFETIME_UNIT_".length()).toLowerCase();
  }

  /** The unit from its stored name. */
  public static LifetimeUnit unitOf(String name) {
    return LifetimeUnit.valueOf("LIFETIME_UNIT_" + name.toUpperCase());
  }

  private static long bounded(int amount, int hoursPerUnit, String field) {
    if ((long) amount * hoursPerUnit > MAX_AMOUNT_HOURS) {
      throw KeygateException.invalid(field + ".amount", field + ".amount is too large: at most 100 years ("
          + MAX_AMOUNT_HOURS / hoursPerUnit + " of this unit), got " + amount);
    }
    return amount;
  }
}
