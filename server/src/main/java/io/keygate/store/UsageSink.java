package io.keygate.store;

import io.keygate.authz.CredentialRecord;
import java.time.Instant;

/** Told of every allowed request, to keep last-used times and request counts. Must not block. */
public interface UsageSink {
  void used(CredentialRecord key, Instant at);

  /** Records nothing. */
  UsageSink NONE = (key, at) -> { };
}
