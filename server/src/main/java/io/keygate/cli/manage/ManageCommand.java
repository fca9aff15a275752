package io.keygate.cli.manage;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.keygate.cli.KeygateCli;
import io.keygate.cli.TlsOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A management command: validates the common options, opens a channel to Keygate (plaintext or TLS) whose calls
 * carry $KEYGATE_API_KEY, runs {@link #run()} and turns a gRPC failure into "error: CODE: description" on
 * stderr and an exit code: 1 when Keygate refused, 2 when it could not be asked.
 */
public abstract class ManageCommand implements Callable<Integer> {
  /** Statuses with which Keygate answered and refused: the user has to change something. Exit 1. */
  static final Set<Status.Code> REFUSALS = EnumSet.of(Status.Code.INVALID_ARGUMENT, Status.Code.NOT_FOUND,
      Status.Code.ALREADY_EXISTS, Status.Code.PERMISSION_DENIED, Status.Code.UNAUTHENTICATED,
      Status.Code.FAILED_PRECONDITION, Status.Code.OUT_OF_RANGE, Status.Code.RESOURCE_EXHAUSTED);
  static final int MAX_PAGE_SIZE = 1000;

  @Mixin
  ClientOptions client;

  @Spec
  CommandSpec spec;

  Flags flags;
  Output output;
  /** The exit code of a run that ends without a gRPC failure: 0 unless {@link #run()} sets another. */
  int exitCode;
  private Channel channel;
  private Duration deadline;

  /** The command's work: calls through {@link #stub}, prints through {@link #output}. */
  abstract void run();

  @Override
  public final Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    flags = new Flags(spec.commandLine());
    if (!client.output.equals("table") && !client.output.equals("json")) {
      throw flags.usage("--output: '" + client.output + "' is not one of table, json");
    }
    output = new Output(spec.commandLine().getOut(), err, client.output.equals("json"));
    deadline = flags.duration("--deadline", client.deadline);
    String apiKey = client.apiKey();
    if (apiKey.isEmpty()) {
      err.println("error: $" + io.keygate.config.Settings.API_KEY.name() + " is not set: export the API key to act with"
          + " (it is never taken from a flag)");
      return KeygateCli.EXIT_USAGE;
    }
    ManagedChannel managed;
    try {
      managed = client.channel(err);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return KeygateCli.EXIT_USAGE;
    }
    try {
      channel = ClientInterceptors.intercept(managed, MetadataUtils.newAttachHeadersInterceptor(credential(apiKey)));
      run();
      return exitCode;
    } catch (StatusRuntimeException e) {
      return failed(e.getStatus(), err);
    } finally {
      managed.shutdownNow().awaitTermination(2, TimeUnit.SECONDS);
    }
  }

  /** A stub of {@code newStub} on the authenticated channel, its call bounded by --deadline. */
  <S extends AbstractStub<S>> S stub(Function<Channel, S> newStub) {
    return newStub.apply(channel).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One page of a list RPC. */
  record Page<T>(List<T> items, String nextPageToken) {}

  /**
   * Every item from {@code paging.pageToken} on, or the first {@code paging.limit}; {@code fetch} gets the
   * page size and page token. The result's token is empty unless the limit stopped the listing early.
   */
  <T> Page<T> collect(ListOptions paging, BiFunction<Integer, String, Page<T>> fetch) {
    if (paging.limit < 0) {
      throw flags.usage("--limit: must be 0 (all) or more");
    }
    if (paging.pageSize < 1 || paging.pageSize > MAX_PAGE_SIZE) {
      throw flags.usage("--page-size: must be 1 to " + MAX_PAGE_SIZE);
    }
    List<T> items = new ArrayList<>();
    String token = paging.pageToken;
    do {
      int size = paging.limit == 0 ? paging.pageSize : Math.min(paging.pageSize, paging.limit - items.size());
      Page<T> page = fetch.apply(size, token);
      items.addAll(page.items());
      token = page.nextPageToken();
    } while (!token.isEmpty() && (paging.limit == 0 || items.size() < paging.limit));
    if (!token.isEmpty() && !output.json()) {
      output.note("More items exist: add --page-token " + token + " to continue.");
    }
    return new Page<>(items, token);
  }

  private Metadata credential(String apiKey) {
    Metadata metadata = new Metadata();
    if (client.bearer) {
      metadata.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + apiKey);
    } else {
      metadata.put(Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER), apiKey);
    }
    return metadata;
  }

  /** The exit code when Keygate refused a call: 1, unless exit 1 means something else for the command. */
  int refusedExitCode() {
    return KeygateCli.EXIT_FAILURE;
  }

  /** Prints "error: CODE: description" on {@code err}; the exit code for {@code status}. */
  int failed(Status status, PrintWriter err) {
    String description = status.getDescription() == null ? "" : status.getDescription();
    String handshake = TlsOptions.handshakeFailure(status.getCause());
    if (!handshake.isEmpty()) {
      description += ": " + handshake;
    } else if (status.getCode() == Status.Code.UNAVAILABLE || status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
      description += client.tls.unreachableHint(client.address());
    }
    err.println("error: " + status.getCode() + ": " + description.strip());
    err.flush();
    return REFUSALS.contains(status.getCode()) ? refusedExitCode() : KeygateCli.EXIT_USAGE;
  }
}
