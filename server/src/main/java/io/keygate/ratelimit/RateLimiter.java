package io.keygate.ratelimit;

import io.keygate.authz.CredentialRecord;

/**
 * Counts requests against the per-client-IP and per-key limits. The decision path calls
 * {@link #countIp} for every request before the credential is looked up (so a flood of bad keys
 * is cheap) and {@link #countKey} once the key is known and otherwise allowed.
 */
public interface RateLimiter {
  /**
   * Counts one request from {@code clientIp}; returns the IP limit's state, or {@code null} when no
   * IP limit applies (no IP given, or limiting off).
   */
  LimitStatus countIp(String clientIp);

  /**
   * Counts one request of {@code key}; returns the binding limit's state (the key's, or the
   * tenant's IP limit when stricter), or {@code null} when none applies.
   */
  LimitStatus countKey(CredentialRecord key, String clientIp);

  /** Limits nothing. */
  RateLimiter NONE = new RateLimiter() {
    @Override
    public LimitStatus countIp(String clientIp) {
      return null;
    }

    @Override
    public LimitStatus countKey(CredentialRecord key, String clientIp) {
      return null;
    }
  };
}
