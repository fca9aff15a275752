/**
 * The in-memory cache of the decision path and what keeps it fresh: {@link
 * io.keygate.cache.CachingCredentialStore} and the change fan-out.
 */
package io.keygate.cache;
