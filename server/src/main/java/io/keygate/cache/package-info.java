/**
 * The in-memory cache of the decision path ({@link io.keygate.cache.CachingCredentialStore}) and its
 * precise invalidation by versioned changes. Depends on {@code store} ports and {@code authz} values.
 */
package io.keygate.cache;
