/**
 * The {@code keygate} command (picocli): dev, serve, migrate, bootstrap, authorize; the management
 * commands (tenants, scopes, principals, roles, keys, tokens, audit) are in {@code io.keygate.cli.manage}.
 */
package io.keygate.cli;
