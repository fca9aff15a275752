/**
 * Rate limiting: the per-key and per-client-IP limits. This package holds the port and value types;
 * backends live in sub-packages. The limiter itself arrives with the rate-limiting work (issue #4);
 * until then the Authorize path reports no limit.
 */
package io.keygate.ratelimit;
