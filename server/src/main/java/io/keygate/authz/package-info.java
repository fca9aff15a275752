/**
 * The decision engine: a pure function of credential record, tenant policy, request and scope path
 * to a {@link io.keygate.authz.Reason}, with permission matching. No I/O, no clocks of its own; it
 * may depend on {@code io.keygate.ratelimit} value types and the generated proto enums only.
 */
package io.keygate.authz;
