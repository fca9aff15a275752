/**
 * The management rules: authentication of management calls, validation, tenant isolation,
 * permission checks ({@link io.keygate.manage.Access}), and one transaction per change holding the
 * change and its audit row. Uses the PostgreSQL repositories directly; tells a
 * {@link io.keygate.manage.ChangeListener} after each commit.
 */
package io.keygate.manage;
