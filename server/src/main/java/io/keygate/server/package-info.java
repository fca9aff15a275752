/** Wiring: builds the database, the domain and the gRPC server from a config, and drains on close. */
package io.keygate.server;
