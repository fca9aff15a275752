/**
 * Storage ports. {@link io.keygate.store.CredentialStore} is what the decision path reads; the
 * PostgreSQL adapter in {@code store.postgres} implements it and also holds the management
 * repositories (JDBC, one transaction per change). Depends on {@code authz} value types only.
 */
package io.keygate.store;
