package io.keygate.cli.manage;

import io.keygate.cli.KeygateCli;
import io.keygate.cli.declare.Declaration;
import io.keygate.cli.declare.DeclarationException;
import io.keygate.cli.declare.DeclarationParser;
import io.keygate.cli.declare.Plan;
import io.keygate.cli.declare.Planner;
import io.keygate.cli.declare.StateReader;
import io.keygate.cli.declare.Stubs;
import io.keygate.v1.PrincipalServiceGrpc;
import io.keygate.v1.RoleServiceGrpc;
import io.keygate.v1.ScopeServiceGrpc;
import io.keygate.v1.TenantServiceGrpc;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * What {@code diff} and {@code apply} share: read the file, read Keygate through the management API with
 * $KEYGATE_API_KEY, compute the plan ({@link io.keygate.cli.declare}). A file that cannot be applied as written
 * is "error: FILE:LINE: …" and exit 2, before any change.
 */
abstract class DeclareCommand extends ManageCommand {
  @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE",
      description = "The YAML file describing the tenant (format: docs/cli.md).")
  Path file;

  @Option(names = "--prune",
      description = "Delete what Keygate has beyond the lists the file gives (without it: reported, kept).")
  boolean prune;

  /** What the command does with the plan: print it, or make its calls. */
  abstract void use(Plan plan, Stubs stubs);

  @Override
  final void run() {
    if (output.json()) {
      throw flags.usage("--output json: " + spec.name() + " prints a plan as text; only table is supported");
    }
    PrintWriter err = spec.commandLine().getErr();
    try {
      Declaration declaration = DeclarationParser.parse(Files.readString(file));
      Stubs stubs = stubs();
      use(Planner.plan(declaration, new StateReader(stubs).read(declaration), prune), stubs);
    } catch (NoSuchFileException e) {
      fail(err, "error: " + file + ": no such file");
    } catch (IOException e) {
      fail(err, "error: " + file + ": cannot be read: " + e.getMessage());
    } catch (DeclarationException e) {
      fail(err, "error: " + e.describe(file.toString()));
    }
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private void fail(PrintWriter err, String message) {
    err.println(message);
    err.flush();
    exitCode = KeygateCli.EXIT_USAGE;
  }

  private Stubs stubs() {
    return new Stubs() {
      @Override
      public TenantServiceGrpc.TenantServiceBlockingStub tenants() {
        return stub(TenantServiceGrpc::newBlockingStub);
      }

      @Override
      public ScopeServiceGrpc.ScopeServiceBlockingStub scopes() {
        return stub(ScopeServiceGrpc::newBlockingStub);
      }

      @Override
      public RoleServiceGrpc.RoleServiceBlockingStub roles() {
        return stub(RoleServiceGrpc::newBlockingStub);
      }

      @Override
      public PrincipalServiceGrpc.PrincipalServiceBlockingStub principals() {
        return stub(PrincipalServiceGrpc::newBlockingStub);
      }
    };
  }
}
