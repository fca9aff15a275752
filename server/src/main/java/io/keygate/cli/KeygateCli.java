package io.keygate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code keygate} command. */
@Command(name = "keygate", mixinStandardHelpOptions = true, version = "keygate 0.1.0",
    description = "API-key authorization sidecar: keys, roles, rate limits, Envoy ext_authz.",
    subcommands = {DevCommand.class, ServeCommand.class, MigrateCommand.class, BootstrapCommand.class,
        AuthorizeCommand.class, CommandLine.HelpCommand.class})
public final class KeygateCli {
  /** Exit code when an operation was refused or failed in a way the user can fix. */
  public static final int EXIT_FAILURE = 1;

  public static void main(String[] args) {
    System.exit(new CommandLine(new KeygateCli()).execute(args));
  }
}
