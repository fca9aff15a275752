package io.keygate.cli.declare;

/**
 * The file cannot be applied as written: malformed YAML, an unknown key, a bad value, an ambiguous match, a
 * reference to nothing, a change the management API cannot make. Found before any change is made.
 */
public final class DeclarationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;

  /** A problem at {@code line} (1-based; 0 when it has none). */
  public DeclarationException(int line, String message) {
    super(message);
    this.line = line;
  }

  public DeclarationException(String message) {
    this(0, message);
  }

  /** The file's line the problem is on, 1-based; 0 when it concerns no line. */
  public int line() {
    return line;
  }

  /** {@code FILE:LINE: message}, or {@code FILE: message} without a line. */
  public String describe(String file) {
    return line > 0 ? file + ":" + line + ": " + getMessage() : file + ": " + getMessage();
  }
}
