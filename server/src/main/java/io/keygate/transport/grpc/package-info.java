/**
 * The gRPC edge: one thin service class per proto service, the {@link
 * io.keygate.transport.grpc.CallerInterceptor} that authenticates management calls, and {@link
 * io.keygate.transport.grpc.Statuses}, the single place where failures become statuses. Depends on
 * {@code decision} and {@code manage}, and on {@code telemetry} for the throttled log of unexpected
 * failures; holds no rules of its own.
 */
package io.keygate.transport.grpc;
