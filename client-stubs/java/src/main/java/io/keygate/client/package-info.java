/**
 * Java client for the Keygate sidecar: {@link io.keygate.client.KeygateClient} asks Authorize and
 * returns an immutable {@link io.keygate.client.Decision}; {@link io.keygate.client.KeygateServerInterceptor}
 * protects a grpc-java service with it. Depends only on the generated {@code io.keygate.v1} stubs and grpc-java.
 */
package io.keygate.client;
