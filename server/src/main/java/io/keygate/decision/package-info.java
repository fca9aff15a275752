/**
 * The Authorize flow around the pure engine: credential extraction, shape checks before any lookup,
 * the lookup through the {@link io.keygate.store.CredentialStore} port, and scope resolution.
 * Depends on {@code authz}, {@code keys} and {@code store} (ports only).
 */
package io.keygate.decision;
