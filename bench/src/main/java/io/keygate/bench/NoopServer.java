package io.keygate.bench;

import io.envoyproxy.envoy.service.auth.v3.AuthorizationGrpc;
import io.envoyproxy.envoy.service.auth.v3.CheckRequest;
import io.envoyproxy.envoy.service.auth.v3.CheckResponse;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizeResponse;
import io.keygate.v1.AuthorizerServiceGrpc;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * The baseline: a grpc-java server with Keygate's two decision services that answers every call
 * with a fixed response — a real Keygate answer recorded by the bench, so the messages are the same
 * size — and does nothing else. Same transport and JVM flags as the sidecar. On the direct executor
 * (the default: handlers run on the transport thread, grpc-java's ceiling) or, with {@code pool},
 * on a thread pool of Keygate's default size (what the sidecar's blocking work costs in hops).
 */
public final class NoopServer {
  private NoopServer() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    AuthorizeResponse authorized = AuthorizeResponse.parseFrom(Files.readAllBytes(Path.of(args[1])));
    CheckResponse checked = CheckResponse.parseFrom(Files.readAllBytes(Path.of(args[2])));
    boolean pool = args.length > 3 && args[3].equals("pool");
    int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors()); // Keygate's default pool
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port));
    if (pool) {
      builder.executor(Executors.newFixedThreadPool(threads));
    } else {
      builder.directExecutor();
    }
    Server server = builder
        .addService(new AuthorizerServiceGrpc.AuthorizerServiceImplBase() {
          @Override
          public void authorize(AuthorizeRequest request, StreamObserver<AuthorizeResponse> observer) {
            observer.onNext(authorized);
            observer.onCompleted();
          }
        })
        .addService(new AuthorizationGrpc.AuthorizationImplBase() {
          @Override
          public void check(CheckRequest request, StreamObserver<CheckResponse> observer) {
            observer.onNext(checked);
            observer.onCompleted();
          }
        })
        .build()
        .start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
    server.awaitTermination();
  }
}
