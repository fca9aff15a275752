package io.keygate.cli.declare;

import com.google.protobuf.Duration;
import com.google.protobuf.ProtocolMessageEnum;
import io.keygate.v1.Lifetime;
import io.keygate.v1.LifetimeUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The file's spelling of values, both ways, the same as the CLI's flags: enums in lower case with dashes
 * ({@code api-key-header}), durations {@code 500ms 30s 15m 1h 7d}, lifetimes {@code 12h 90d 2w 12mo} ({@code 0}:
 * none). Plans print values in this spelling, so a diff reads like the file.
 */
final class Values {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
  private static final Pattern LIFETIME = Pattern.compile("(\\d{1,6})(h|d|w|mo)");

  private Values() {}

  /** {@code bearer} as {@code ACCEPTED_CREDENTIALS_BEARER}; the unspecified value is not accepted. */
  static <E extends Enum<E> & ProtocolMessageEnum> E enumValue(YamlValue value, E[] values) {
    String text = value.text();
    List<E> accepted = Arrays.stream(values)
        .filter(v -> !v.name().equals("UNRECOGNIZED") && !v.name().endsWith("_UNSPECIFIED")).toList();
    return accepted.stream().filter(v -> name(v).equals(text.trim())).findFirst()
        .orElseThrow(() -> value.error("'" + text + "' is not one of "
            + accepted.stream().map(Values::name).collect(Collectors.joining(", "))));
  }

  /** {@code ACCEPTED_CREDENTIALS_BEARER} as {@code bearer}. */
  static String name(ProtocolMessageEnum value) {
    String first = value.getDescriptorForType().getValues().get(0).getName();
    String prefix = first.endsWith("UNSPECIFIED") ? first.substring(0, first.length() - "UNSPECIFIED".length()) : "";
    String name = value.getValueDescriptor().getName();
    return name.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static Duration duration(YamlValue value) {
    Matcher m = DURATION.matcher(value.text().trim());
    if (!m.matches()) {
      throw value.error("'" + value.text() + "' is not a duration like 30s, 15m, 1h or 1d");
    }
    long amount = Long.parseLong(m.group(1));
    java.time.Duration d = switch (m.group(2)) {
      case "ms" -> java.time.Duration.ofMillis(amount);
      case "s" -> java.time.Duration.ofSeconds(amount);
      case "m" -> java.time.Duration.ofMinutes(amount);
      case "h" -> java.time.Duration.ofHours(amount);
      default -> java.time.Duration.ofDays(amount);
    };
    return Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()).build();
  }

  /** The largest unit that states {@code duration} exactly: {@code 15m}, {@code 90s}, {@code 1d}. */
  static String duration(Duration duration) {
    if (duration.getNanos() != 0) {
      return (duration.getSeconds() * 1000 + duration.getNanos() / 1_000_000) + "ms";
    }
    long s = duration.getSeconds();
    if (s != 0 && s % 86_400 == 0) {
      return s / 86_400 + "d";
    }
    if (s != 0 && s % 3600 == 0) {
      return s / 3600 + "h";
    }
    if (s != 0 && s % 60 == 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }

  static Lifetime lifetime(YamlValue value) {
    String text = value.text().trim();
    if (text.equals("0")) {
      return Lifetime.getDefaultInstance();
    }
    Matcher m = LIFETIME.matcher(text);
    if (!m.matches()) {
      throw value.error("'" + value.text() + "' is not a lifetime like 12h, 90d, 2w or 12mo (0: no cap)");
    }
    LifetimeUnit unit = switch (m.group(2)) {
      case "h" -> LifetimeUnit.LIFETIME_UNIT_HOURS;
      case "d" -> LifetimeUnit.LIFETIME_UNIT_DAYS;
      case "w" -> LifetimeUnit.LIFETIME_UNIT_WEEKS;
      default -> LifetimeUnit.LIFETIME_UNIT_MONTHS;
    };
    return Lifetime.newBuilder().setAmount(Integer.parseInt(m.group(1))).setUnit(unit).build();
  }

  static String lifetime(Lifetime lifetime) {
    if (lifetime.getAmount() == 0) {
      return "0";
    }
    String unit = switch (lifetime.getUnit()) {
      case LIFETIME_UNIT_HOURS -> "h";
      case LIFETIME_UNIT_DAYS -> "d";
      case LIFETIME_UNIT_WEEKS -> "w";
      case LIFETIME_UNIT_MONTHS -> "mo";
      default -> " " + lifetime.getUnit().name();
    };
    return lifetime.getAmount() + unit;
  }

  /** A text as the plan prints it: in double quotes, with quotes and backslashes escaped. */
  static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  static String list(List<String> values) {
    return "[" + String.join(", ", values) + "]";
  }
}
