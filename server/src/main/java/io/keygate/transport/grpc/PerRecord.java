package io.keygate.transport.grpc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.keygate.authz.CredentialRecord;
import java.util.function.Function;

/**
 * What a response carries about a credential (its identity message, its identity headers), built
 * once per key record rather than once per call: the cache hands the same record to every call until
 * the key changes, so a record is the right key — held weakly and compared by identity, it goes when
 * the cache drops the record.
 */
public final class PerRecord<T> {
  private final Cache<CredentialRecord, T> built;
  private final Function<CredentialRecord, T> build;

  public PerRecord(int maxEntries, Function<CredentialRecord, T> build) {
    this.built = Caffeine.newBuilder().weakKeys().maximumSize(maxEntries).build();
    this.build = build;
  }

  public T of(CredentialRecord record) {
    return built.get(record, build);
  }
}
