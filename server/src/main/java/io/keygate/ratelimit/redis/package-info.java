/** Rate-limit counters in Redis through Lettuce, shared by every sidecar of a deployment. */
package io.keygate.ratelimit.redis;
