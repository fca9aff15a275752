/**
 * Keygate, the API-key authorization sidecar. Subpackages: {@code config} (settings),
 * {@code keys} (credential format and lifecycle rules), {@code authz} (the pure decision engine),
 * {@code store} (ports) and {@code store.postgres} (JDBC + Flyway), {@code manage} (management rules),
 * {@code transport.grpc} (gRPC edge), {@code server} (wiring), {@code cli} (the {@code keygate}
 * command), {@code telemetry} (logging with redaction).
 */
package io.keygate;
