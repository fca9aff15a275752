package io.keygate.cli;

import io.grpc.ManagedChannel;
import io.keygate.config.Settings;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizeResponse;
import io.keygate.v1.AuthorizerServiceGrpc;
import io.keygate.v1.CredentialTransport;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Asks a running sidecar for a decision, with the credential taken from the environment. */
@Command(name = "authorize", mixinStandardHelpOptions = true,
    description = "Ask a running Keygate whether the key in $KEYGATE_API_KEY may do <resource>:<action>."
        + " Exits 0 when allowed, 1 when denied, 2 on errors.")
final class AuthorizeCommand implements Callable<Integer> {
  @Option(names = "--address", defaultValue = "127.0.0.1:7070", description = "Keygate's address (host:port).")
  String address;

  @Option(names = "--resource", required = true, description = "Resource, e.g. conversations.")
  String resource;

  @Option(names = "--action", required = true, description = "Action, e.g. read.")
  String action;

  @Option(names = "--scope", defaultValue = "", description = "Scope id the request touches.")
  String scope;

  @Option(names = "--client-ip", defaultValue = "127.0.0.1", description = "Client IP to report.")
  String clientIp;

  @Mixin
  TlsOptions tls;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> env = spec.root().userObject() instanceof KeygateCli cli ? cli.environment() : System.getenv();
    String credential = Settings.API_KEY.from(env);
    ManagedChannel channel;
    try {
      channel = tls.channel(address, env, err);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return KeygateCli.EXIT_USAGE;
    }
    try {
      AuthorizeResponse response = AuthorizerServiceGrpc.newBlockingStub(channel)
          .withDeadlineAfter(5, TimeUnit.SECONDS)
          .authorize(AuthorizeRequest.newBuilder()
              .setCredential(credential)
              .setCredentialTransport(CredentialTransport.CREDENTIAL_TRANSPORT_API_KEY_HEADER)
              .setClientIp(clientIp)
              .setResource(resource)
              .setAction(action)
              .setScopeId(scope)
              .build());
      out.println(response.getHttpStatus() + " " + response.getReason().name().substring("REASON_".length())
          .toLowerCase() + ": " + response.getMessage());
      if (response.hasIdentity()) {
        out.println("tenant " + response.getIdentity().getTenantId() + ", key " + response.getIdentity().getApiKeyId()
            + ", principal " + response.getIdentity().getPrincipalId() + ", role "
            + (response.getIdentity().getRoleName().isEmpty() ? "(none)" : response.getIdentity().getRoleName()));
      }
      return response.getHttpStatus() == 200 ? 0 : KeygateCli.EXIT_FAILURE;
    } catch (io.grpc.StatusRuntimeException e) {
      String handshake = TlsOptions.handshakeFailure(e);
      err.println("error: " + e.getStatus().getCode() + ": " + e.getStatus().getDescription()
          + (handshake.isEmpty() ? "" : ": " + handshake));
      return KeygateCli.EXIT_USAGE;
    } finally {
      channel.shutdownNow().awaitTermination(2, TimeUnit.SECONDS);
    }
  }
}
