package io.keygate.cli;

import io.keygate.cli.manage.ApiKeysCommand;
import io.keygate.cli.manage.ApplyCommand;
import io.keygate.cli.manage.AuditCommand;
import io.keygate.cli.manage.DiffCommand;
import io.keygate.cli.manage.PrincipalsCommand;
import io.keygate.cli.manage.RolesCommand;
import io.keygate.cli.manage.ScopesCommand;
import io.keygate.cli.manage.TenantsCommand;
import io.keygate.cli.manage.TokensCommand;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code keygate} command. */
@Command(name = "keygate", mixinStandardHelpOptions = true, version = "keygate 0.1.0",
    description = "API-key authorization sidecar: keys, roles, rate limits, Envoy ext_authz.",
    footerHeading = "%nManagement commands (tenants, scopes, principals, roles, keys, tokens, audit, diff, apply):%n",
    footer = {
        "  The admin credential comes only from $KEYGATE_API_KEY (never a flag);",
        "  $KEYGATE_ADDRESS sets the default --address (127.0.0.1:7070).",
        "",
        "Exit codes of the management commands:",
        "  0  success",
        "  1  Keygate refused: NOT_FOUND, PERMISSION_DENIED, UNAUTHENTICATED,",
        "     ALREADY_EXISTS, FAILED_PRECONDITION, INVALID_ARGUMENT (stderr:",
        "     \"error: <code>: <description>\")",
        "  2  usage or configuration error (bad flag, $KEYGATE_API_KEY unset),",
        "     or Keygate not reachable (UNAVAILABLE, DEADLINE_EXCEEDED)",
        "  keygate diff -f FILE: 0 nothing differs, 1 something would change, 2 any error",
        "See docs/cli.md."})
public final class KeygateCli {
  /** The subcommands, in the order help lists them (registered by {@link #commandLine}). */
  private static final List<Class<?>> COMMANDS = List.of(DevCommand.class, ServeCommand.class, MigrateCommand.class,
      BootstrapCommand.class, AuthorizeCommand.class, TrainCommand.class, TenantsCommand.class, ScopesCommand.class,
      PrincipalsCommand.class, RolesCommand.class, ApiKeysCommand.class, TokensCommand.class, AuditCommand.class,
      DiffCommand.class, ApplyCommand.class, CommandLine.HelpCommand.class);

  /** Exit code when an operation was refused or failed in a way the user can fix. */
  public static final int EXIT_FAILURE = 1;
  /** Exit code of usage and configuration errors, and of a Keygate that could not be reached. */
  public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;

  private final Map<String, String> environment;

  public KeygateCli() {
    this(System.getenv());
  }

  /** A CLI reading its environment variables from {@code environment} (for tests and embedding). */
  public KeygateCli(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** The environment variables the management commands read ($KEYGATE_API_KEY, $KEYGATE_ADDRESS). */
  public Map<String, String> environment() {
    return environment;
  }

  public static void main(String[] args) {
    System.exit(args.length == 1 && args[0].equals("serve") ? serve() : commandLine(new KeygateCli(), args)
        .execute(args));
  }

  /**
   * {@code keygate serve} without flags, as the image and the Helm chart run it, started without
   * picocli: building its command model was 130–240 ms of a sidecar's start (docs/performance.md).
   * The same run, log line and exit code as through {@link #commandLine}; with a flag (or {@code --help})
   * picocli parses as for any other command.
   */
  static int serve() {
    try {
      return new ServeCommand().call();
    } catch (Exception e) {
      logFailure("serve", e);
      return CommandLine.ExitCode.SOFTWARE;
    }
  }

  /**
   * The command line of {@code cli} for {@code args}. When they name a subcommand other than help, only
   * that one is registered: picocli builds the model of every registered command up front, and those of
   * the management commands reflect over some 200 protobuf classes — time a sidecar's start does not
   * need to spend. Anything else (help, a typo, no command) gets them all.
   */
  public static CommandLine commandLine(KeygateCli cli, String... args) {
    CommandLine line = new CommandLine(cli).setExecutionExceptionHandler(KeygateCli::logFailure);
    String first = args.length > 0 ? args[0] : "";
    List<Class<?>> named = COMMANDS.stream().filter(command -> command != CommandLine.HelpCommand.class
        && command.getAnnotation(Command.class).name().equals(first)).toList();
    (named.isEmpty() ? COMMANDS : named).forEach(line::addSubcommand);
    return line;
  }

  /**
   * A command that fails with an exception (a setting out of range, no database) says so through
   * the log, so the error has the log's format ({@code KEYGATE_LOG_FORMAT}) and its redaction.
   */
  private static int logFailure(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
    logFailure(command.getCommandName(), failure);
    return command.getCommandSpec().exitCodeOnExecutionException();
  }

  private static void logFailure(String command, Exception failure) {
    LoggerFactory.getLogger(KeygateCli.class).error("keygate {} failed: {}", command, failure.getMessage(), failure);
  }
}
