package io.keygate.transport.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Load shedding on an in-process server: calls beyond the in-flight limit are refused at once with
 * RESOURCE_EXHAUSTED, on the transport, whatever the pool is doing; calls run on the pool, in their
 * context, unless named non-blocking.
 */
class AdmissionTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(1);
  private final List<AutoCloseable> open = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicReference<String> ranOn = new AtomicReference<>();
  private final AtomicReference<io.grpc.Deadline> deadline = new AtomicReference<>();

  /** A health service whose Check blocks until the test releases it. */
  private final class Stuck extends HealthGrpc.HealthImplBase {
    final CountDownLatch started = new CountDownLatch(1);

    @Override
    public void check(HealthCheckRequest request, StreamObserver<HealthCheckResponse> observer) {
      ranOn.set(Thread.currentThread().getName());
      deadline.set(io.grpc.Context.current().getDeadline());
      started.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      observer.onNext(HealthCheckResponse.newBuilder().setStatus(HealthCheckResponse.ServingStatus.SERVING).build());
      observer.onCompleted();
    }

    /** Answers once and stays open, as a change stream does. */
    @Override
    public void watch(HealthCheckRequest request, StreamObserver<HealthCheckResponse> observer) {
      observer.onNext(HealthCheckResponse.newBuilder().setStatus(HealthCheckResponse.ServingStatus.SERVING).build());
    }
  }

  @AfterEach
  void close() throws Exception {
    release.countDown();
    for (AutoCloseable c : open) {
      c.close();
    }
    pool.shutdownNow();
  }

  private ManagedChannel serve(Admission admission, Stuck service) throws Exception {
    String name = InProcessServerBuilder.generateName();
    Server server = InProcessServerBuilder.forName(name).directExecutor()
        .addStreamTracerFactory(admission.tracer()).intercept(admission)
        .addService(service).build().start();
    open.add(() -> server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
    ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    open.add(() -> channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
    return channel;
  }

  @Test
  void callsBeyondTheLimitAreShedAtOnceWhileThePoolIsStuck() throws Exception {
    Admission admission = new Admission(pool, 2);
    Stuck service = new Stuck();
    ManagedChannel channel = serve(admission, service);
    List<CompletableFuture<Status>> calls = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      calls.add(call(channel));
    }
    assertThat(service.started.await(5, TimeUnit.SECONDS)).isTrue();
    // Two in flight (one running, one queued for the single thread); the limit is 2, so the next is shed.
    Status shed = call(channel).get(5, TimeUnit.SECONDS);
    assertThat(shed.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(shed.getDescription()).contains("overloaded");
    assertThat(admission.shed()).isEqualTo(1);
    release.countDown();
    for (CompletableFuture<Status> c : calls) {
      assertThat(c.get(5, TimeUnit.SECONDS).getCode()).isEqualTo(Status.Code.OK);
    }
    assertThat(ranOn.get()).as("admitted calls run on the pool, not the transport")
        .isNotEqualTo(Thread.currentThread().getName());
  }

  /** A call moved to the pool keeps its context: the handler sees the client's deadline. */
  @Test
  void aCallOnThePoolRunsInTheCallsContext() throws Exception {
    Admission admission = new Admission(pool, 100);
    release.countDown();
    ManagedChannel channel = serve(admission, new Stuck());
    HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
        .check(HealthCheckRequest.getDefaultInstance());
    assertThat(deadline.get()).as("the deadline, on the pool thread").isNotNull();
    assertThat(ranOn.get()).isNotEqualTo(Thread.currentThread().getName());
  }

  @Test
  void aMethodNamedNonBlockingRunsOnTheTransportThread() throws Exception {
    Admission admission = new Admission(pool, 100, java.util.Set.of(HealthGrpc.getCheckMethod().getFullMethodName()),
        java.util.Set.of());
    release.countDown();
    ManagedChannel channel = serve(admission, new Stuck());
    HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
        .check(HealthCheckRequest.getDefaultInstance());
    assertThat(ranOn.get()).isEqualTo(Thread.currentThread().getName());
  }

  /** A central tier's change streams stay open for hours: they must not use up the limit of calls. */
  @Test
  void longLivedStreamsAreNeitherCountedNorShed() throws Exception {
    Admission admission = new Admission(pool, 1, java.util.Set.of(),
        java.util.Set.of(HealthGrpc.getWatchMethod().getFullMethodName()));
    release.countDown();
    ManagedChannel channel = serve(admission, new Stuck());
    List<CompletableFuture<HealthCheckResponse>> watching = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      CompletableFuture<HealthCheckResponse> first = new CompletableFuture<>();
      HealthGrpc.newStub(channel).watch(HealthCheckRequest.getDefaultInstance(), new StreamObserver<>() {
        @Override
        public void onNext(HealthCheckResponse value) {
          first.complete(value);
        }

        @Override
        public void onError(Throwable t) {
          first.completeExceptionally(t);
        }

        @Override
        public void onCompleted() {}
      });
      watching.add(first);
    }
    for (CompletableFuture<HealthCheckResponse> first : watching) {
      assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }
    assertThat(admission.inFlight()).as("three streams open, none counted").isZero();
    assertThat(call(channel).get(5, TimeUnit.SECONDS).isOk()).as("a unary call still fits the limit of 1").isTrue();
    assertThat(admission.shed()).isZero();
  }

  @Test
  void inFlightCountsEveryStreamFromOpenToClose() throws Exception {
    Admission admission = new Admission(pool, 100);
    Stuck service = new Stuck();
    ManagedChannel channel = serve(admission, service);
    CompletableFuture<Status> running = call(channel);
    assertThat(service.started.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(admission.inFlight()).isEqualTo(1);
    release.countDown();
    assertThat(running.get(5, TimeUnit.SECONDS).isOk()).isTrue();
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> admission.inFlight() == 0);
  }

  private static CompletableFuture<Status> call(ManagedChannel channel) {
    CompletableFuture<Status> done = new CompletableFuture<>();
    HealthGrpc.newStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance(),
        new StreamObserver<>() {
          @Override
          public void onNext(HealthCheckResponse value) {}

          @Override
          public void onError(Throwable t) {
            done.complete(Status.fromThrowable(t));
          }

          @Override
          public void onCompleted() {
            done.complete(Status.OK);
          }
        });
    return done;
  }
}
