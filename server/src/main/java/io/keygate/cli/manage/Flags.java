package io.keygate.cli.manage;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.ProtocolMessageEnum;
import com.google.protobuf.Timestamp;
import io.keygate.v1.Expiration;
import io.keygate.v1.Lifetime;
import io.keygate.v1.LifetimeUnit;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Turns flag text into request values; anything malformed is a usage error (exit 2) naming the flag. */
final class Flags {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Pattern LIFETIME = Pattern.compile("(\\d+)(h|d|w|mo)");

  private final CommandLine commandLine;

  Flags(CommandLine commandLine) {
    this.commandLine = commandLine;
  }

  /** The common prefix of an enum's values: {@code TOKEN_ACCESS_} for TokenAccess. */
  static String prefix(EnumDescriptor type) {
    String first = type.getValues().get(0).getName();
    return first.endsWith("UNSPECIFIED") ? first.substring(0, first.length() - "UNSPECIFIED".length()) : "";
  }

  /** {@code read-only} as {@code TOKEN_ACCESS_READ_ONLY}; the unspecified value is not accepted. */
  <E extends Enum<E> & ProtocolMessageEnum> E enumValue(String flag, String text, E[] values) {
    String prefix = prefix(values[0].getDescriptorForType());
    String wanted = prefix + text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    List<E> accepted = Arrays.stream(values)
        .filter(v -> !v.name().equals("UNRECOGNIZED") && !v.name().endsWith("_UNSPECIFIED")).toList();
    return accepted.stream().filter(v -> v.name().equals(wanted)).findFirst()
        .orElseThrow(() -> usage(flag + ": '" + text + "' is not one of "
            + accepted.stream().map(Render::name).collect(Collectors.joining(", "))));
  }

  /** {@code 500ms}, {@code 30s}, {@code 15m}, {@code 1h}, {@code 7d}. */
  Duration duration(String flag, String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      throw usage(flag + ": '" + text + "' is not a duration like 500ms, 30s, 15m, 1h or 7d");
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  com.google.protobuf.Duration protoDuration(String flag, String text) {
    Duration d = duration(flag, text);
    return com.google.protobuf.Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()).build();
  }

  /** {@code 12h}, {@code 90d}, {@code 2w}, {@code 12mo}; {@code 0} means "no lifetime". */
  Lifetime lifetime(String flag, String text) {
    if (text.trim().equals("0")) {
      return Lifetime.getDefaultInstance();
    }
    Matcher m = LIFETIME.matcher(text.trim());
    if (!m.matches()) {
      throw usage(flag + ": '" + text + "' is not a lifetime like 12h, 90d, 2w or 12mo");
    }
    LifetimeUnit unit = switch (m.group(2)) {
      case "h" -> LifetimeUnit.LIFETIME_UNIT_HOURS;
      case "d" -> LifetimeUnit.LIFETIME_UNIT_DAYS;
      case "w" -> LifetimeUnit.LIFETIME_UNIT_WEEKS;
      default -> LifetimeUnit.LIFETIME_UNIT_MONTHS;
    };
    return Lifetime.newBuilder().setAmount(Integer.parseInt(m.group(1))).setUnit(unit).build();
  }

  /** {@code never}, a lifetime ({@code 90d}, {@code 12mo}) or an instant ({@code 2030-01-01T00:00:00Z}). */
  Expiration expiration(String flag, String text) {
    String value = text.trim();
    if (value.equals("never")) {
      return Expiration.newBuilder().setNever(true).build();
    }
    if (LIFETIME.matcher(value).matches()) {
      return Expiration.newBuilder().setAfter(lifetime(flag, value)).build();
    }
    try {
      return Expiration.newBuilder().setAt(timestamp(Instant.parse(value))).build();
    } catch (DateTimeParseException e) {
      throw usage(flag + ": '" + text + "' is not 'never', a lifetime like 90d or 12mo,"
          + " or a time like 2030-01-01T00:00:00Z");
    }
  }

  /** An instant ({@code 2030-01-01T00:00:00Z}) or a duration before now ({@code 1h} = an hour ago). */
  Timestamp instant(String flag, String text) {
    String value = text.trim();
    if (DURATION.matcher(value).matches()) {
      return timestamp(Instant.now().minus(duration(flag, value)));
    }
    try {
      return timestamp(Instant.parse(value));
    } catch (DateTimeParseException e) {
      throw usage(flag + ": '" + text + "' is not a time like 2030-01-01T00:00:00Z or a duration ago like 1h");
    }
  }

  /** {@code name=value} pairs ({@code name} alone: empty value), in the order given. */
  Map<String, String> tags(String flag, List<String> pairs) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (name.isBlank()) {
        throw usage(flag + ": '" + pair + "' is not name=value");
      }
      tags.put(name, eq < 0 ? "" : pair.substring(eq + 1));
    }
    return tags;
  }

  ParameterException usage(String message) {
    return new ParameterException(commandLine, message);
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
