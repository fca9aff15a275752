package io.keygate.bench;

import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.service.auth.v3.AttributeContext;
import io.envoyproxy.envoy.service.auth.v3.AuthorizationGrpc;
import io.envoyproxy.envoy.service.auth.v3.CheckRequest;
import io.envoyproxy.envoy.service.auth.v3.CheckResponse;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizeResponse;
import io.keygate.v1.AuthorizerServiceGrpc;
import io.keygate.v1.Reason;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The load generator: asynchronous grpc-java calls spread over several HTTP/2 connections, in a
 * closed loop (a fixed number of calls in flight: the throughput ceiling) or an open loop (calls
 * sent on a fixed schedule whatever the answers do; latency measured from the scheduled time, so a
 * stall is not hidden by coordinated omission). Bounded in time and in calls outstanding.
 */
final class Load {
  /** What a call ended in. */
  enum Outcome { ALLOWED, DENIED, FAILED }

  /** Starts one call on connection {@code lane} and reports its outcome. */
  interface Caller {
    void call(int lane, java.util.function.Consumer<Outcome> done);
  }

  private Load() {}

  static AuthorizeRequest authorizeRequest(String credential, String ip) {
    return AuthorizeRequest.newBuilder().setCredential(credential).setClientIp(ip)
        .setResource("api-keys").setAction("read").build();
  }

  static CheckRequest checkRequest(String credential, String ip) {
    return CheckRequest.newBuilder().setAttributes(AttributeContext.newBuilder()
        .setSource(AttributeContext.Peer.newBuilder().setAddress(Address.newBuilder()
            .setSocketAddress(SocketAddress.newBuilder().setAddress(ip).setPortValue(40000))))
        .setRequest(AttributeContext.Request.newBuilder().setHttp(AttributeContext.HttpRequest.newBuilder()
            .setMethod("GET").setPath("/v1/api-keys").setHost("app.local").setProtocol("HTTP/1.1")
            .putHeaders("x-api-key", credential).putHeaders("user-agent", "bench")
            .putHeaders("accept", "application/json")))
        .putContextExtensions("resource", "api-keys").putContextExtensions("action", "read"))
        .build();
  }

  /** Authorize with {@code request(lane)} over {@code channels}. */
  static Caller authorize(List<ManagedChannel> channels, IntFunction<AuthorizeRequest> request) {
    AuthorizerServiceGrpc.AuthorizerServiceStub[] stubs = channels.stream()
        .map(AuthorizerServiceGrpc::newStub).toArray(AuthorizerServiceGrpc.AuthorizerServiceStub[]::new);
    return (lane, done) -> stubs[lane % stubs.length].authorize(request.apply(lane), new Observer<>(done) {
      @Override
      Outcome outcome(AuthorizeResponse response) {
        return response.getReason() == Reason.REASON_OK ? Outcome.ALLOWED : Outcome.DENIED;
      }
    });
  }

  /** Envoy's Check with {@code request(lane)} over {@code channels}. */
  static Caller check(List<ManagedChannel> channels, IntFunction<CheckRequest> request) {
    AuthorizationGrpc.AuthorizationStub[] stubs = channels.stream()
        .map(AuthorizationGrpc::newStub).toArray(AuthorizationGrpc.AuthorizationStub[]::new);
    return (lane, done) -> stubs[lane % stubs.length].check(request.apply(lane), new Observer<>(done) {
      @Override
      Outcome outcome(CheckResponse response) {
        return response.getStatus().getCode() == 0 ? Outcome.ALLOWED : Outcome.DENIED;
      }
    });
  }

  private abstract static class Observer<T> implements StreamObserver<T> {
    private final java.util.function.Consumer<Outcome> done;
    private Outcome outcome = Outcome.FAILED;

    Observer(java.util.function.Consumer<Outcome> done) {
      this.done = done;
    }

    abstract Outcome outcome(T response);

    @Override
    public void onNext(T response) {
      outcome = outcome(response);
    }

    @Override
    public void onError(Throwable t) {
      done.accept(Outcome.FAILED);
    }

    @Override
    public void onCompleted() {
      done.accept(outcome);
    }
  }

  /** What a closed-loop run measured after its warm-up. */
  record Throughput(double perSecond, long allowed, long denied, long failed, long totalCalls) {}

  /**
   * {@code inFlight} calls kept outstanding for {@code warmup + measure}; throughput counted over
   * {@code measure} only. {@code totalCalls} includes the warm-up.
   */
  static Throughput closedLoop(Caller caller, int inFlight, Duration warmup, Duration measure) {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicBoolean counting = new AtomicBoolean(false);
    LongAdder allowed = new LongAdder();
    LongAdder denied = new LongAdder();
    LongAdder failed = new LongAdder();
    LongAdder total = new LongAdder();
    CountDownLatch stopped = new CountDownLatch(inFlight);
    for (int lane = 0; lane < inFlight; lane++) {
      fire(caller, lane, running, counting, allowed, denied, failed, total, stopped);
    }
    Served.sleep(warmup.toMillis());
    counting.set(true);
    long start = System.nanoTime();
    Served.sleep(measure.toMillis());
    counting.set(false);
    long elapsed = System.nanoTime() - start;
    running.set(false);
    await(stopped);
    long done = allowed.sum() + denied.sum() + failed.sum();
    return new Throughput(done * 1e9 / elapsed, allowed.sum(), denied.sum(), failed.sum(), total.sum());
  }

  private static void fire(Caller caller, int lane, AtomicBoolean running, AtomicBoolean counting,
      LongAdder allowed, LongAdder denied, LongAdder failed, LongAdder total, CountDownLatch stopped) {
    caller.call(lane, outcome -> {
      total.increment();
      if (counting.get()) {
        (outcome == Outcome.ALLOWED ? allowed : outcome == Outcome.DENIED ? denied : failed).increment();
      }
      if (running.get()) {
        fire(caller, lane, running, counting, allowed, denied, failed, total, stopped);
      } else {
        stopped.countDown();
      }
    });
  }

  /** What an open-loop run measured after its warm-up: latency in nanoseconds, and calls not sent. */
  record Latency(Histogram histogram, long failed, long denied, long skipped) {
    double micros(double percentile) {
      return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
  }

  /**
   * Calls sent at {@code rate} per second on {@code lanes} connections; a call is skipped (counted)
   * rather than queued when {@code maxOutstanding} are already in flight, so memory stays bounded.
   */
  static Latency openLoop(Caller caller, int lanes, double rate, Duration warmup, Duration measure,
      int maxOutstanding) {
    Recorder recorder = new Recorder(3);
    AtomicInteger outstanding = new AtomicInteger();
    LongAdder failed = new LongAdder();
    LongAdder denied = new LongAdder();
    long skipped = 0;
    long interval = (long) (1e9 / rate);
    long begin = System.nanoTime();
    long countFrom = begin + warmup.toNanos();
    long end = countFrom + measure.toNanos();
    long next = begin;
    for (long k = 0; next < end; k++, next = begin + k * interval) {
      long now;
      while ((now = System.nanoTime()) < next) {
        long wait = next - now;
        if (wait > 20_000) {
          LockSupport.parkNanos(wait - 10_000);
        } else {
          Thread.onSpinWait();
        }
      }
      boolean counted = next >= countFrom;
      if (outstanding.get() >= maxOutstanding) {
        skipped += counted ? 1 : 0;
        continue;
      }
      outstanding.incrementAndGet();
      long scheduled = next;
      caller.call((int) (k % lanes), outcome -> {
        long latency = System.nanoTime() - scheduled;
        outstanding.decrementAndGet();
        if (counted) {
          if (outcome == Outcome.FAILED) {
            failed.increment();
          } else {
            if (outcome == Outcome.DENIED) {
              denied.increment();
            }
            recorder.recordValue(latency);
          }
        }
      });
    }
    long drainBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (outstanding.get() > 0 && System.nanoTime() < drainBy) {
      Served.sleep(1);
    }
    return new Latency(recorder.getIntervalHistogram(), failed.sum(), denied.sum(), skipped);
  }

  /** Exactly {@code count} calls with {@code inFlight} outstanding; returns the nanoseconds taken. */
  static long counted(Caller caller, int inFlight, int count) {
    AtomicInteger issued = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(count);
    long start = System.nanoTime();
    for (int lane = 0; lane < inFlight; lane++) {
      fireCounted(caller, lane, issued, count, done);
    }
    try {
      if (!done.await(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException("counted calls did not finish within 10 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return System.nanoTime() - start;
  }

  private static void fireCounted(Caller caller, int lane, AtomicInteger issued, int count, CountDownLatch done) {
    if (issued.getAndIncrement() < count) {
      caller.call(lane, outcome -> {
        done.countDown();
        fireCounted(caller, lane, issued, count, done);
      });
    }
  }

  /** Calls one at a time, {@code count} of them: latency of each, in nanoseconds. */
  static Histogram sequential(Caller caller, int count, LongAdder notAllowed) {
    Histogram histogram = new Histogram(3);
    for (int i = 0; i < count; i++) {
      CountDownLatch done = new CountDownLatch(1);
      long start = System.nanoTime();
      long[] end = new long[1];
      caller.call(i, outcome -> {
        end[0] = System.nanoTime();
        if (outcome != Outcome.ALLOWED) {
          notAllowed.increment();
        }
        done.countDown();
      });
      await(done);
      histogram.recordValue(end[0] - start);
    }
    return histogram;
  }

  static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("calls did not finish within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
