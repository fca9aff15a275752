/** The {@code keygate} command (picocli): dev, serve, migrate, bootstrap, authorize. */
package io.keygate.cli;
