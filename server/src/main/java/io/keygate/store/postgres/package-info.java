/**
 * The PostgreSQL adapter: connection pool and transactions ({@link io.keygate.store.postgres.Database}),
 * Flyway migrations ({@code db/migration}), the embedded development database, the decision path's
 * {@link io.keygate.store.postgres.PgCredentialStore}, and one {@code *Rows} class per table for the
 * management layer. Every statement binds its parameters and filters on the tenant.
 */
package io.keygate.store.postgres;
