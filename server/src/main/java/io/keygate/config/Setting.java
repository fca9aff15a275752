package io.keygate.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One setting: its environment variable, its default, what it means and how its text becomes a
 * value. Each setting is declared once, in {@link Settings}; flags of the {@code keygate} command
 * override the same variables. A value that does not parse or is out of range stops the start with
 * a message naming the variable and the rule.
 *
 * @param <T> the value's type
 */
public final class Setting<T> {
  private final String name;
  private final String fallback;
  private final String description;
  private final Function<String, T> parse;
  private final boolean secret;

  private Setting(String name, String fallback, String description, Function<String, T> parse, boolean secret) {
    this.name = name;
    this.fallback = fallback;
    this.description = description;
    this.parse = parse;
    this.secret = secret;
  }

  /** The environment variable, e.g. {@code KEYGATE_PORT}. */
  public String name() {
    return name;
  }

  /** The default as written in the environment; empty for "unset". */
  public String fallback() {
    return fallback;
  }

  public String description() {
    return description;
  }

  /** True for passwords and keys: their values are never shown, not even in error messages. */
  public boolean secret() {
    return secret;
  }

  /** The value {@code env} sets, else the default. */
  public T from(Map<String, String> env) {
    String raw = env.get(name);
    String text = raw == null || raw.isBlank() ? fallback : raw.strip();
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " " + e.getMessage() + ", got "
          + (secret ? "a value (not shown)" : "'" + text + "'"), e);
    }
  }

  static Setting<String> text(String name, String fallback, String description) {
    return new Setting<>(name, fallback, description, Function.identity(), false);
  }

  static Setting<String> secret(String name, String description) {
    return new Setting<>(name, "", description, Function.identity(), true);
  }

  static Setting<Integer> integer(String name, int fallback, int min, int max, String description) {
    return new Setting<>(name, Integer.toString(fallback), description, text -> {
      long value = whole(text);
      if (value < min || value > max) {
        throw new IllegalArgumentException("must be " + min + "-" + max);
      }
      return (int) value;
    }, false);
  }

  static Setting<Long> count(String name, long fallback, long max, String description) {
    return new Setting<>(name, Long.toString(fallback), description, text -> {
      long value = whole(text);
      if (value < 0 || value > max) {
        throw new IllegalArgumentException("must be 0-" + max);
      }
      return value;
    }, false);
  }

  static Setting<Duration> seconds(String name, long fallback, long min, long max, String description) {
    return new Setting<>(name, Long.toString(fallback), description, text -> {
      long value = whole(text);
      if (value < min || value > max) {
        throw new IllegalArgumentException("must be " + min + "-" + max + " (seconds)");
      }
      return Duration.ofSeconds(value);
    }, false);
  }

  static Setting<Duration> millis(String name, long fallback, long min, long max, String description) {
    return new Setting<>(name, Long.toString(fallback), description, text -> {
      long value = whole(text);
      if (value < min || value > max) {
        throw new IllegalArgumentException("must be " + min + "-" + max + " (milliseconds)");
      }
      return Duration.ofMillis(value);
    }, false);
  }

  static Setting<Boolean> flag(String name, boolean fallback, String description) {
    return new Setting<>(name, Boolean.toString(fallback), description, text -> {
      String value = text.toLowerCase(Locale.ROOT);
      if (!value.equals("true") && !value.equals("false")) {
        throw new IllegalArgumentException("must be true or false");
      }
      return value.equals("true");
    }, false);
  }

  static Setting<String> choice(String name, String fallback, List<String> values, String description) {
    return new Setting<>(name, fallback, description, text -> {
      String value = text.toLowerCase(Locale.ROOT);
      if (!values.contains(value)) {
        throw new IllegalArgumentException("must be one of " + String.join(", ", values));
      }
      return value;
    }, false);
  }

  /** A file or directory; unset (empty default) is {@code null}. */
  static Setting<Path> path(String name, String fallback, String description) {
    return new Setting<>(name, fallback, description, text -> text.isEmpty() ? null : Path.of(text), false);
  }

  /** {@code host:port}; unset (empty) is {@code null}. */
  static Setting<HostPort> address(String name, String fallback, String description) {
    return new Setting<>(name, fallback, description, text -> text.isEmpty() ? null : HostPort.parse(text), false);
  }

  /** {@code host:port[,host:port…]}; unset (empty) is an empty list. */
  static Setting<java.util.List<HostPort>> addresses(String name, String description) {
    return new Setting<>(name, "", description, text -> text.isEmpty() ? java.util.List.of()
        : java.util.Arrays.stream(text.split(",")).map(String::strip).map(HostPort::parse).toList(), false);
  }

  private static long whole(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a whole number");
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
