/**
 * The management rules: authentication of management calls, validation, tenant isolation,
 * permission checks ({@link io.keygate.manage.Access}), and one transaction per change holding the
 * change and its audit row. Uses the PostgreSQL repositories directly; what a transaction changed
 * reaches caches through the change log (see {@link io.keygate.store.Change}).
 */
package io.keygate.manage;
