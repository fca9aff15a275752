package io.keygate.cli.manage;

import com.google.protobuf.Duration;
import com.google.protobuf.ProtocolMessageEnum;
import com.google.protobuf.Timestamp;
import io.keygate.v1.Expiration;
import io.keygate.v1.KeyRateLimit;
import io.keygate.v1.Lifetime;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** How values appear in tables: short enum names, ISO-8601 times, {@code name=value} tags. */
final class Render {
  private Render() {}

  /** {@code TOKEN_ACCESS_READ_ONLY} as {@code read-only}; the unspecified value as empty. */
  static String name(ProtocolMessageEnum value) {
    String prefix = Flags.prefix(value.getDescriptorForType());
    String name = value instanceof Enum<?> e ? e.name() : value.getValueDescriptor().getName();
    if (name.equals(prefix + "UNSPECIFIED") || name.equals("UNRECOGNIZED")) {
      return "";
    }
    return name.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static String time(boolean present, Timestamp time) {
    return present ? Instant.ofEpochSecond(time.getSeconds(), time.getNanos()).toString() : "";
  }

  static String duration(Duration duration) {
    return java.time.Duration.ofSeconds(duration.getSeconds(), duration.getNanos()).toString()
        .substring(2).toLowerCase(Locale.ROOT);
  }

  static String tags(Map<String, String> tags) {
    return new TreeMap<>(tags).entrySet().stream()
        .map(e -> e.getValue().isEmpty() ? e.getKey() : e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }

  static String list(List<String> values) {
    return String.join(",", values);
  }

  static String lifetime(Lifetime lifetime) {
    return lifetime.getAmount() == 0 ? "none" : lifetime.getAmount() + " " + name(lifetime.getUnit());
  }

  static String expiration(Expiration expiration) {
    return switch (expiration.getKindCase()) {
      case AT -> time(true, expiration.getAt());
      case AFTER -> lifetime(expiration.getAfter());
      case NEVER -> "never";
      default -> "";
    };
  }

  static String rateLimit(boolean present, KeyRateLimit limit) {
    if (!present || !limit.hasRequestsPerMinute() && limit.getModeValue() == 0) {
      return "";
    }
    String rate = limit.hasRequestsPerMinute() ? limit.getRequestsPerMinute() + "/min" : "default";
    String mode = name(limit.getMode());
    return mode.isEmpty() ? rate : rate + " " + mode;
  }
}
