/**
 * TLS of the gRPC transport: PEM certificates and keys read from files ({@link
 * io.keygate.transport.tls.Pem}), the server's credentials, replaced when cert-manager (or anyone) rewrites
 * the files ({@link io.keygate.transport.tls.ServerTls}), and the credentials of Keygate's own clients
 * ({@link io.keygate.transport.tls.ClientTls}). Depends on grpc-java and the JDK only. Key material never
 * reaches a log line or an exception message: errors name the file and what is wrong with it.
 */
package io.keygate.transport.tls;
