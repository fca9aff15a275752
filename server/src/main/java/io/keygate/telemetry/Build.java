package io.keygate.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What this build is: its version, from {@code build.properties} (written by Maven). */
public final class Build {
  /** The project's version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static final String VERSION = load();

  private Build() {}

  private static String load() {
    Properties properties = new Properties();
    try (InputStream in = Build.class.getResourceAsStream("build.properties")) {
      if (in == null) {
        return "unknown";
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version", "unknown");
  }
}
