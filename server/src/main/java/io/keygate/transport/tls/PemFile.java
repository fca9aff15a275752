package io.keygate.transport.tls;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A PEM file and the name it is known by to the user — the setting or flag that named it — so that an
 * error says which one to fix: {@code KEYGATE_TLS_KEY_FILE (/etc/keygate/tls/tls.key): no such file}.
 */
public record PemFile(String name, Path path) {
  public PemFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
  }

  /** The file's bytes, read now (through symbolic links, as Kubernetes mounts Secrets). */
  public byte[] read() {
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(this + ": no such file");
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException(this + ": not readable (permission denied)");
    } catch (IOException e) {
      throw new IllegalArgumentException(this + ": cannot be read (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }
  }

  @Override
  public String toString() {
    return name + " (" + path + ")";
  }
}
