package io.keygate.it;

import io.keygate.cli.KeygateCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** The {@code keygate} command run in-process with the environment given, its output captured. */
final class Cli {
  private Cli() {}

  /** What a run printed and returned. */
  record Run(int exit, String out, String err) {}

  static Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = KeygateCli.commandLine(new KeygateCli(env), args);
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    int exit = command.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }
}
